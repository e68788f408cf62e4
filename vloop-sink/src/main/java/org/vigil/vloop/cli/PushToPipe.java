package org.vigil.vloop.cli;

import org.vigil.kernel.v4l2.Fraction;
import org.vigil.vloop.LoopbackOptions;
import org.vigil.vloop.LoopbackWriter;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeChoice;
import org.vigil.vloop.PipeFinder;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.PipeSettings;
import org.vigil.vloop.PipeStatus;
import org.vigil.vloop.image.ImageLayout;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * Pushes a test pattern, or the frames of a raw file, into a v4l2loopback pipe, so a user can check that their
 * viewers (ffplay, VLC, GStreamer, OBS, a browser) show what vigil writes. A picocli command, so core's CLI can take
 * it in as a subcommand. Exit status: 0 done, 1 the pipe could not be opened or failed, 2 wrong usage.
 */
@Command(name = "push-to-pipe", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Pushes a moving test pattern (or a raw video file) into a v4l2loopback pipe for checking viewers.")
public final class PushToPipe implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--pipe", paramLabel = "any|label:NAME|/dev/videoN", converter = PipeChoiceConverter.class,
            description = "Which pipe (default: ${DEFAULT-VALUE}, the first free one).", defaultValue = "any")
    private PipeChoice pipe;

    @Option(names = "--size", paramLabel = "WxH", description = "Picture size (default: ${DEFAULT-VALUE}).",
            defaultValue = "640x480")
    private String size;

    @Option(names = "--fps", paramLabel = "N", description = "Frames per second, 1 to 240 (default: ${DEFAULT-VALUE}).",
            defaultValue = "30")
    private int fps;

    @Option(names = "--format", paramLabel = "yuyv|yu12|grey", converter = PipeFormatConverter.class,
            description = "The pipe's pixel format (default: ${DEFAULT-VALUE}).", defaultValue = "yuyv")
    private PipeFormat format;

    @Option(names = "--mode", paramLabel = "auto|write|mmap", converter = OutputModeConverter.class,
            description = "write() per frame, mmap output, or auto, the faster as measured (default: ${DEFAULT-VALUE}).",
            defaultValue = "auto")
    private OutputMode mode;

    @Option(names = "--frames", paramLabel = "N", description = "Stop after N frames (default: run until interrupted).")
    private long frames;

    @Option(names = "--raw", paramLabel = "FILE", description = "Push the frames of a raw file instead of the pattern.")
    private Path raw;

    @Option(names = "--raw-layout", paramLabel = "yuyv|uyvy|i420|nv12|grey|bgr|rgb", converter = LayoutConverter.class,
            description = "The raw file's pixel layout (default: the pipe's format).")
    private ImageLayout rawLayout;

    @Option(names = "--loop", description = "Start the raw file again at its end.")
    private boolean loop;

    @Option(names = "--list", description = "List the v4l2loopback pipes and whether they are free, then exit.")
    private boolean list;

    private PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns its exit status; output goes to the given streams (tests pass their own). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PushToPipe command = new PushToPipe();
        command.out = out;
        return new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("push-to-pipe: " + (e instanceof IOException && command.raw != null
                            ? "cannot read " + command.raw + ": " + (e instanceof NoSuchFileException
                            ? "no such file" : e.getMessage()) : e.getMessage()));
                    return 1;
                })
                .execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (list) {
            List<PipeStatus> pipes = PipeFinder.system().survey();
            if (pipes.isEmpty()) {
                out.println("no v4l2loopback pipes (load the module: sudo modprobe v4l2loopback devices=1 video_nr=10 "
                        + "card_label=vigil exclusive_caps=1)");
            }
            pipes.forEach(p -> out.println(p.describe()));
            return 0;
        }
        push(settings());
        return 0;
    }

    /** Checks what picocli cannot: ranges, option pairs, and the format's own size rules. */
    private PipeSettings settings() {
        try {
            if (fps < 1 || fps > LoopbackOptions.MAX_FPS) {
                throw new IllegalArgumentException("--fps wants a whole number from 1 to " + LoopbackOptions.MAX_FPS
                        + ", not '" + fps + "'");
            }
            if (frames < 0) {
                throw new IllegalArgumentException("--frames wants a positive number, not '" + frames + "'");
            }
            if (loop && raw == null) {
                throw new IllegalArgumentException("--loop goes with --raw");
            }
            String[] wh = size.toLowerCase(Locale.ROOT).split("x");
            if (wh.length != 2 || !wh[0].matches("\\d{1,5}") || !wh[1].matches("\\d{1,5}")
                    || Integer.parseInt(wh[0]) == 0 || Integer.parseInt(wh[1]) == 0) {
                throw new IllegalArgumentException("--size wants WIDTHxHEIGHT, e.g. 640x480, not '" + size + "'");
            }
            return new PipeSettings(pipe, mode, format, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]),
                    Fraction.perSecond(fps));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private void push(PipeSettings settings) throws IOException {
        int width = settings.width();
        int height = settings.height();
        ImageLayout layout = raw == null ? ImageLayout.BGR : rawLayout != null ? rawLayout : format.layout();
        try (LoopbackWriter writer = LoopbackWriter.open(settings, layout);
             FrameSource pictures = raw == null ? new PatternFrames(width, height)
                     : new RawFrames(raw, layout.imageBytes(width, height), loop)) {
            Path node = writer.node();
            out.printf(Locale.ROOT, "pushing %s into %s (%s mode, %s); watch it with:%n", settings.describe(), node,
                    writer.mode().optionName(), writer.conversion().describe());
            out.printf("  ffplay -f v4l2 -input_format %s %s%n", format.ffmpegName(), node);
            out.printf("  gst-launch-1.0 v4l2src device=%s ! videoconvert ! autovideosink%n", node);
            long period = 1_000_000_000L / fps;
            long next = System.nanoTime();
            long n = 0;
            long skipped = 0;
            // An interrupt ends the run like the frame count does (the tests stop it so).
            while ((frames == 0 || n < frames) && !Thread.currentThread().isInterrupted()) {
                if (!pictures.next(writer, n)) {
                    break;
                }
                n++;
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (-wait > period) {
                    // Fell behind (a busy machine): keep the rate from here rather than burst to catch up.
                    skipped += -wait / period;
                    next = System.nanoTime();
                }
            }
            out.printf("pushed %d frames%s%n", n, skipped == 0 ? "" : " (" + skipped + " frame periods late)");
        }
    }

    /** Where the frames come from. */
    private interface FrameSource extends AutoCloseable {
        /** Writes frame n; false when there are no more. */
        boolean next(LoopbackWriter writer, long n) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final class PatternFrames implements FrameSource {
        private final TestPattern pattern;

        PatternFrames(int width, int height) {
            pattern = new TestPattern(width, height);
        }

        @Override
        public boolean next(LoopbackWriter writer, long n) throws IOException {
            writer.write(pattern.draw(n));
            return true;
        }

        @Override
        public void close() {
            pattern.close();
        }
    }

    private static final class RawFrames implements FrameSource {
        private final Path file;
        private final FileChannel channel;
        private final ByteBuffer frame;
        private final boolean loop;

        RawFrames(Path file, int frameBytes, boolean loop) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.frame = ByteBuffer.allocateDirect(frameBytes);
            this.loop = loop;
            if (channel.size() < frameBytes) {
                channel.close();
                throw new IllegalArgumentException(file + " holds " + channel.size() + " bytes, less than one "
                        + frameBytes + "-byte frame: check --size and --raw-layout");
            }
        }

        @Override
        public boolean next(LoopbackWriter writer, long n) throws IOException {
            frame.clear();
            while (frame.hasRemaining()) {
                if (channel.read(frame) < 0) {
                    if (frame.position() > 0 && frame.hasRemaining()) {
                        System.err.println("PushToPipe: " + file + " ends with a partial frame; it was left out");
                    }
                    if (!loop) {
                        return false;
                    }
                    channel.position(0);
                    frame.clear();
                }
            }
            writer.write(frame.clear());
            return true;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * picocli reports a converter's TypeConversionException message as it is; the parsers' own messages already
     * say what is accepted.
     */
    private abstract static class Parsing<T> implements ITypeConverter<T> {
        @Override
        public T convert(String text) {
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        abstract T parse(String text);
    }

    static final class PipeChoiceConverter extends Parsing<PipeChoice> {
        @Override
        PipeChoice parse(String text) {
            return PipeChoice.parse(text);
        }
    }

    static final class PipeFormatConverter extends Parsing<PipeFormat> {
        @Override
        PipeFormat parse(String text) {
            return PipeFormat.parse(text);
        }
    }

    static final class OutputModeConverter extends Parsing<OutputMode> {
        @Override
        OutputMode parse(String text) {
            return OutputMode.parse(text);
        }
    }

    static final class LayoutConverter extends Parsing<ImageLayout> {
        @Override
        ImageLayout parse(String text) {
            try {
                return ImageLayout.valueOf(text.strip().toUpperCase(Locale.ROOT).replace("YU12", "I420").replace("GRAY", "GREY"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--raw-layout wants one of " + String.join(", ",
                        java.util.Arrays.stream(ImageLayout.values()).map(l -> l.name().toLowerCase(Locale.ROOT)).toList())
                        + ", not '" + text + "'");
            }
        }
    }
}
