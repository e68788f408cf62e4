package org.vigil.core.config;

import org.vigil.kernel.v4l2.FourCC;

import java.util.List;
import java.util.Locale;

/**
 * The camera's pixel format: {@link #AUTO}, the first of {@link #AUTO_ORDER} the camera offers at the configured
 * size and rate, or one given by its fourcc.
 *
 * @param fourcc the V4L2 pixel format, 0 for auto
 */
public record PixelFormatChoice(int fourcc) {
    public static final int UYVY = FourCC.of("UYVY");
    public static final int RGB24 = FourCC.of("RGB3");

    /**
     * Cheapest first: packed 4:2:2 (luma by a shrink of the packed frame, a plain copy into a YUYV pipe), then the
     * planar 4:2:0 formats, grey, RGB, and MJPEG last because every frame must be decoded.
     */
    public static final List<Integer> AUTO_ORDER = List.of(FourCC.YUYV, UYVY, FourCC.NV12, FourCC.YU12, FourCC.GREY,
            RGB24, FourCC.MJPG);

    public static final PixelFormatChoice AUTO = new PixelFormatChoice(0);

    public PixelFormatChoice {
        if (fourcc != 0 && !AUTO_ORDER.contains(fourcc)) {
            throw new IllegalArgumentException("'" + FourCC.name(fourcc) + "' is not a format vigil reads: use auto or "
                    + "one of " + names());
        }
    }

    public boolean isAuto() {
        return fourcc == 0;
    }

    /** "auto", "YUYV", "UYVY", "NV12", "YU12" (or I420), "GREY", "RGB24" (or RGB3), "MJPG" (or MJPEG), in any case. */
    public static PixelFormatChoice parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT);
        int code = switch (key) {
            case "AUTO" -> 0;
            case "YUYV", "YUY2" -> FourCC.YUYV;
            case "UYVY" -> UYVY;
            case "NV12" -> FourCC.NV12;
            case "YU12", "I420" -> FourCC.YU12;
            case "GREY", "GRAY" -> FourCC.GREY;
            case "RGB24", "RGB3" -> RGB24;
            case "MJPG", "MJPEG" -> FourCC.MJPG;
            default -> throw new IllegalArgumentException("'" + text + "' is not a format vigil reads: use auto or one of "
                    + names());
        };
        return new PixelFormatChoice(code);
    }

    public static String names() {
        return String.join(", ", AUTO_ORDER.stream().map(PixelFormatChoice::name).toList());
    }

    /** The name a user writes: "RGB24" for V4L2's RGB3. */
    public static String name(int fourcc) {
        return fourcc == RGB24 ? "RGB24" : FourCC.name(fourcc);
    }

    @Override
    public String toString() {
        return isAuto() ? "auto" : name(fourcc);
    }
}
