package org.vigil.core.pipeline;

import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.PixFormat;

/**
 * The format a camera streams in, as the driver took it, with the time per frame and why vigil chose it (for the log).
 */
public record NegotiatedFormat(PixFormat format, Fraction interval, String why) {

    /** "640x480 YUYV at 30 fps". */
    public String describe() {
        double fps = interval.framesPerSecond();
        String rate = fps == Math.rint(fps) ? Long.toString((long) fps) : String.format(java.util.Locale.ROOT, "%.2f", fps);
        return format.width() + "x" + format.height() + " " + org.vigil.core.config.PixelFormatChoice.name(format.pixelFormat())
                + " at " + rate + " fps" + (padded() ? ", rows padded to " + format.bytesPerLine() + " bytes" : "");
    }

    /** Whether the driver's rows are longer than the pixels need (bytesperline beyond width x bytes per pixel). */
    public boolean padded() {
        org.vigil.vloop.image.ImageLayout layout = org.vigil.vloop.image.ImageLayout.ofFourcc(format.pixelFormat());
        return layout != null && format.bytesPerLine() > layout.packedRowBytes(format.width());
    }
}
