package org.vigil.core.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One movie being encoded: the system's ffmpeg as a child process (as Frigate records), raw frames in on its stdin at
 * a constant rate, H.264 in fragmented MP4 out. Fragmented, so that a file cut short (vigil or ffmpeg killed, power
 * lost) plays up to its last fragment; an MJPEG camera's frames go into Matroska as they are, not encoded again.
 * What ffmpeg says on stderr is kept (the last lines) for the error message.
 */
final class MovieEncoder implements MovieSink {
    private static final int KEPT_STDERR = 4096;

    private final Process process;
    private final WritableByteChannel stdin;
    private final Path file;
    private final StringBuilder stderr = new StringBuilder();
    private final Thread stderrReader;

    private MovieEncoder(Process process, Path file) {
        this.process = process;
        this.file = file;
        this.stdin = Channels.newChannel(process.getOutputStream());
        this.stderrReader = new Thread(this::drainStderr, "vigil-ffmpeg-stderr");
        this.stderrReader.setDaemon(true);
        this.stderrReader.start();
    }

    /** The ffmpeg command line for a movie of these frames into {@code file}. */
    static List<String> command(String ffmpeg, RecordedFormat format, int width, int height, double fps, Path file) {
        List<String> args = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error"));
        String rate = String.format(Locale.ROOT, "%.3f", fps);
        if (format.compressed()) {
            args.addAll(List.of("-f", "mjpeg", "-framerate", rate, "-i", "pipe:0", "-c:v", "copy", "-f", "matroska"));
        } else {
            args.addAll(List.of("-f", "rawvideo", "-pix_fmt", format.ffmpegName(), "-video_size", width + "x" + height,
                    "-framerate", rate, "-i", "pipe:0", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    // a keyframe every 2 s bounds what a cut-short file loses; each keyframe starts a fragment
                    "-g", String.valueOf(Math.max(1, Math.round(fps * 2))),
                    "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-f", "mp4"));
        }
        // each fragment reaches the file as it is made, not when ffmpeg's 32 KB buffer fills: without this a movie
        // killed (with ffmpeg) in its first seconds had no moov box and did not play at all
        args.addAll(List.of("-flush_packets", "1", "-y", file.toString()));
        return args;
    }

    static MovieEncoder start(List<String> command, Path file) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return new MovieEncoder(builder.start(), file);
    }

    /**
     * Writes one frame; blocks while ffmpeg is busy (on the movie writer's thread, never the capture thread). Moves
     * the buffer's position and limit, which only readers use (the capture thread writes at absolute indices).
     */
    @Override
    public void write(ByteBuffer frame, int bytes) throws IOException {
        frame.limit(bytes).position(0);
        while (frame.hasRemaining()) {
            stdin.write(frame);
        }
    }

    /**
     * Ends the input and waits for ffmpeg to finish the file.
     *
     * @return null when ffmpeg finished well, otherwise what it said
     */
    @Override
    public String finish(long timeoutSeconds) {
        try {
            stdin.close();
        } catch (IOException e) {
            // ffmpeg is gone already: its exit status and stderr say why
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return "ffmpeg did not finish " + file + " within " + timeoutSeconds + " s and was killed";
            }
            stderrReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return "interrupted while ffmpeg finished " + file;
        }
        int status = process.exitValue();
        return status == 0 ? null : "ffmpeg exited with status " + status + ": " + lastWords();
    }

    /** What ffmpeg said last (its error, when a write failed). */
    String lastWords() {
        synchronized (stderr) {
            return stderr.toString().strip().replace('\n', ' ');
        }
    }

    private void drainStderr() {
        byte[] buffer = new byte[1024];
        try (InputStream in = process.getErrorStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (stderr) {
                    stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > KEPT_STDERR) {
                        stderr.delete(0, stderr.length() - KEPT_STDERR);
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; what it said is kept
        }
    }

    /** Kills ffmpeg if it still runs (a writer that stops without finishing). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
