package org.vigil.vloop;

import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.PixFormat;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to open one pipe as producer. The size must suit the format (even width for YUYV, even width
 * and height for YU12): a mismatch is reported here, before any device is touched.
 *
 * @param interval time per frame, 1/30 for 30 fps; announced to viewers with S_PARM
 */
public record PipeSettings(PipeChoice choice, OutputMode mode, PipeFormat format, int width, int height,
                           Fraction interval) {

    public PipeSettings {
        Objects.requireNonNull(choice, "choice");
        if (choice instanceof PipeChoice.Off) {
            throw new IllegalArgumentException("a pipe that is off has no settings: leave it unopened");
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(interval, "interval");
        String problem = format.layout().sizeProblem(width, height);
        if (problem != null) {
            throw new IllegalArgumentException("pipe format " + format.name() + ": " + problem);
        }
        if (interval.numerator() <= 0 || interval.denominator() <= 0) {
            throw new IllegalArgumentException("time per frame must be a positive fraction, got " + interval);
        }
    }

    /** YUYV at 30 fps in the default mode, into any free pipe. */
    public static PipeSettings of(int width, int height) {
        return new PipeSettings(PipeChoice.ANY, OutputMode.DEFAULT, PipeFormat.YUYV, width, height, Fraction.perSecond(30));
    }

    public PipeSettings withChoice(PipeChoice newChoice) {
        return new PipeSettings(newChoice, mode, format, width, height, interval);
    }

    public PipeSettings withMode(OutputMode newMode) {
        return new PipeSettings(choice, newMode, format, width, height, interval);
    }

    public PipeSettings withFormat(PipeFormat newFormat) {
        return new PipeSettings(choice, mode, newFormat, width, height, interval);
    }

    public PipeSettings withInterval(Fraction newInterval) {
        return new PipeSettings(choice, mode, format, width, height, newInterval);
    }

    /** The S_FMT request. */
    public PixFormat request() {
        return PixFormat.request(width, height, format.fourcc());
    }

    public int imageBytes() {
        return format.imageBytes(width, height);
    }

    /** One frame period: the longest a write may wait before the frame counts as dropped. */
    public Duration framePeriod() {
        long nanos = 1_000_000_000L * interval.numerator() / interval.denominator();
        return Duration.ofNanos(Math.max(1_000_000L, nanos));
    }

    /** "640x480 YUYV at 30 fps". */
    public String describe() {
        double fps = interval.framesPerSecond();
        String rate = fps == Math.rint(fps) ? Long.toString((long) fps) : String.format(Locale.ROOT, "%.2f", fps);
        return width + "x" + height + " " + format.name() + " at " + rate + " fps";
    }
}
