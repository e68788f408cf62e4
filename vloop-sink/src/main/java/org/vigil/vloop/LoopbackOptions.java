package org.vigil.vloop;

import org.vigil.kernel.v4l2.Fraction;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The loopback output's options, with their table for the config layer ({@link #OPTIONS}).
 *
 * @param feed       the pipe for the annotated picture, or empty for none
 * @param fps        frames per second announced to viewers; 0 takes the camera's rate
 * @param motionPipe the pipe for the motion detector's grey difference picture, or empty for none
 */
public record LoopbackOptions(Optional<PipeChoice> feed, OutputMode mode, PipeFormat format, int fps,
                              Optional<PipeChoice> motionPipe) {
    public static final int MAX_FPS = 240;

    public static final OptionInfo FEED = new OptionInfo("loopback-pipe", "any", "off | any | label:NAME | /dev/videoN",
            "The v4l2loopback node that gets the annotated picture: any free one, the one with this card_label, "
                    + "a given node, or off.");
    public static final OptionInfo MODE = new OptionInfo("loopback-mode", OutputMode.DEFAULT.optionName(),
            "auto | write | mmap", "How frames reach the driver: one write() per frame, rendered straight into mapped "
                    + "driver buffers, or auto, the faster of the two as measured (write() for a picture already in the "
                    + "pipe's format, mmap for a conversion).");
    public static final OptionInfo FORMAT = new OptionInfo("loopback-format", "yuyv", "yuyv | yu12 | grey",
            "Pixel format of the pipes: YUYV suits every viewer, YU12 needs a quarter fewer bytes and an even height, "
                    + "GREY carries luma only.");
    public static final OptionInfo FPS = new OptionInfo("loopback-fps", "0", "0 .. " + MAX_FPS,
            "Frame rate announced to viewers; 0 announces the camera's.");
    public static final OptionInfo MOTION = new OptionInfo("motion-pipe", "off", "off | any | label:NAME | /dev/videoN",
            "A second pipe that shows the motion detector's grey difference picture, for tuning "
                    + "(Motion's video_pipe_motion).");

    /** Every option, in the order the config layer should list them. */
    public static final List<OptionInfo> OPTIONS = List.of(FEED, MODE, FORMAT, FPS, MOTION);

    public LoopbackOptions {
        if (fps < 0 || fps > MAX_FPS) {
            throw new IllegalArgumentException(problem(FPS, Integer.toString(fps), "out of range"));
        }
    }

    public static LoopbackOptions defaults() {
        return parse(Map.of());
    }

    /** Reads the options from a config section; absent keys take their defaults, other keys are left to others. */
    public static LoopbackOptions parse(Map<String, String> values) {
        return new LoopbackOptions(
                read(values, FEED, LoopbackOptions::pipeOrOff),
                read(values, MODE, OutputMode::parse),
                read(values, FORMAT, PipeFormat::parse),
                read(values, FPS, LoopbackOptions::fps),
                read(values, MOTION, LoopbackOptions::pipeOrOff));
    }

    /** The annotated picture's pipe for a camera of this size and rate, unless it is off. */
    public Optional<PipeSettings> feedSettings(int width, int height, Fraction cameraInterval) {
        return feed.map(choice -> new PipeSettings(choice, mode, format, width, height, interval(cameraInterval)));
    }

    /** The motion picture's pipe, for a difference picture of this size, unless it is off. */
    public Optional<PipeSettings> motionSettings(int width, int height, Fraction cameraInterval) {
        return motionPipe.map(choice -> new PipeSettings(choice, mode, format, width, height, interval(cameraInterval)));
    }

    private Fraction interval(Fraction cameraInterval) {
        return fps == 0 ? cameraInterval : Fraction.perSecond(fps);
    }

    private static <T> T read(Map<String, String> values, OptionInfo option, Function<String, T> parser) {
        String text = values.getOrDefault(option.name(), option.defaultValue());
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(problem(option, text, e.getMessage()), e);
        }
    }

    private static String problem(OptionInfo option, String value, String why) {
        return "option " + option.name() + " = '" + value + "': " + why + "; use " + option.range() + " (" + option.doc() + ")";
    }

    private static Optional<PipeChoice> pipeOrOff(String text) {
        return text.strip().toLowerCase(Locale.ROOT).equals("off") ? Optional.empty() : Optional.of(PipeChoice.parse(text));
    }

    private static int fps(String text) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
        if (value < 0 || value > MAX_FPS) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }
}
