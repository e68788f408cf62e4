package org.vigil.vloop;

import org.vigil.kernel.v4l2.Fraction;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.options.OptionValues;
import org.vigil.options.TextType;

import java.util.Map;
import java.util.Optional;

/**
 * The loopback output's options, with their table ({@link #TABLE}), from which the config layer reads, checks and
 * documents them: a camera's {@code loopback:} section holds exactly these keys.
 *
 * @param feed       the pipe for the annotated picture, or empty for none
 * @param fps        frames per second announced to viewers; 0 takes the camera's rate
 * @param motionPipe the pipe for the motion detector's grey difference picture, or empty for none
 */
public record LoopbackOptions(Optional<PipeChoice> feed, OutputMode mode, PipeFormat format, int fps,
                              Optional<PipeChoice> motionPipe) {
    public static final int MAX_FPS = 240;

    private static final TextType<PipeChoice> PIPE = TextType.of(PipeChoice.class, PipeChoice::parse,
            PipeChoice::toString, "off | any | label:NAME | /dev/videoN");

    public static final OptionSpec<PipeChoice> FEED = OptionSpec.of("pipe", PIPE, PipeChoice.ANY,
            "The v4l2loopback node that gets the annotated picture: any free one, the one with this card_label, "
                    + "a given node, or off.");
    public static final OptionSpec<OutputMode> MODE = OptionSpec.choice("mode", OutputMode.class, OutputMode.DEFAULT,
            "How frames reach the driver: one write() per frame, rendered straight into mapped driver buffers, or "
                    + "auto, the faster of the two as measured (write() for a picture sent as it is, mmap for one "
                    + "converted or drawn on).");
    public static final OptionSpec<PipeFormat> FORMAT = OptionSpec.of("format", TextType.of(PipeFormat.class,
                    PipeFormat::parse, PipeFormat::optionName, "yuyv | yu12 | grey"), PipeFormat.YUYV,
            "Pixel format of the pipes: YUYV suits every viewer, YU12 needs a quarter fewer bytes and an even height, "
                    + "GREY carries luma only.");
    public static final OptionSpec<Long> FPS = OptionSpec.integer("fps", 0, 0, MAX_FPS,
            "Frame rate announced to viewers; 0 announces the camera's.");
    public static final OptionSpec<PipeChoice> MOTION = OptionSpec.of("motion-pipe", PIPE, PipeChoice.OFF,
            "A second pipe that shows the motion detector's grey difference picture, for tuning "
                    + "(Motion's video_pipe_motion).");

    /** Every option, in the order the config layer lists them. */
    public static final OptionTable TABLE = OptionTable.of(FEED, MODE, FORMAT, FPS, MOTION);

    public LoopbackOptions {
        if (fps < 0 || fps > MAX_FPS) {
            throw new IllegalArgumentException("fps " + fps + " is out of range [0, " + MAX_FPS + "]");
        }
        feed = feed.filter(choice -> !(choice instanceof PipeChoice.Off));
        motionPipe = motionPipe.filter(choice -> !(choice instanceof PipeChoice.Off));
    }

    public static LoopbackOptions defaults() {
        return from(TABLE.defaults());
    }

    /** The options from checked values of {@link #TABLE}. */
    public static LoopbackOptions from(OptionValues values) {
        return new LoopbackOptions(Optional.of(values.value(FEED)), values.value(MODE), values.value(FORMAT),
                values.integer(FPS.name()), Optional.of(values.value(MOTION)));
    }

    /** Reads the options from text; absent keys take their defaults, an unknown or bad one is an OptionException. */
    public static LoopbackOptions parse(Map<String, String> values) {
        return from(TABLE.parse(values));
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
}
