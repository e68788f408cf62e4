package org.vigil.vloop.image;

import org.opencv.core.CvType;
import org.vigil.kernel.v4l2.FourCC;

/**
 * How the bytes of one picture are arranged: what the pipeline hands the sink (a camera frame in one of the raw
 * formats cameras deliver, a BGR or grey Mat) and what a pipe carries (YUYV, I420, GREY). Packed layouts have one Mat
 * shape, so a buffer in that layout is wrapped without a copy; planar ones (I420, NV12) are seen plane by plane.
 */
public enum ImageLayout {
    /** Packed 4:2:2, two pixels in four bytes (Y0 U Y1 V): what most USB cameras deliver and every viewer takes. */
    YUYV("YUYV (packed 4:2:2)", CvType.CV_8UC2, 2, true, false, FourCC.YUYV),
    /** Packed 4:2:2 in the other byte order (U Y0 V Y1), as some capture chips deliver it. */
    UYVY("UYVY (packed 4:2:2)", CvType.CV_8UC2, 2, true, false, FourCC.of("UYVY")),
    /** Planar 4:2:0: the Y plane, then U and V at half width and half height (V4L2's YU12). */
    I420("I420 (planar 4:2:0, V4L2 YU12)", CvType.CV_8UC1, 1, true, true, FourCC.YU12),
    /** Semi-planar 4:2:0: the Y plane, then one plane of interleaved U and V at half height (phone and ISP cameras). */
    NV12("NV12 (semi-planar 4:2:0)", CvType.CV_8UC1, 1, true, true, FourCC.NV12),
    /** Luma only, one byte a pixel: a detector's grey picture or difference image, or a monochrome camera. */
    GREY("GREY (8-bit luma)", CvType.CV_8UC1, 1, false, false, FourCC.GREY),
    /** OpenCV's 8-bit blue, green, red: what drawing and most OpenCV code produce. */
    BGR("BGR (OpenCV 8-bit colour)", CvType.CV_8UC3, 3, false, false, 0),
    /** 8-bit red, green, blue, as V4L2's RGB24 cameras deliver it. */
    RGB("RGB (V4L2 RGB24)", CvType.CV_8UC3, 3, false, false, FourCC.of("RGB3"));

    private final String description;
    private final int matType;
    private final int bytesPerPixel;
    private final boolean evenWidth;
    private final boolean evenHeight;
    private final int fourcc;

    ImageLayout(String description, int matType, int bytesPerPixel, boolean evenWidth, boolean evenHeight, int fourcc) {
        this.description = description;
        this.matType = matType;
        this.bytesPerPixel = bytesPerPixel;
        this.evenWidth = evenWidth;
        this.evenHeight = evenHeight;
        this.fourcc = fourcc;
    }

    /** The layout of a V4L2 pixel format, or null when vigil reads frames of that format some other way (MJPEG). */
    public static ImageLayout ofFourcc(int fourcc) {
        for (ImageLayout layout : values()) {
            if (layout.fourcc == fourcc && fourcc != 0) {
                return layout;
            }
        }
        return null;
    }

    public String description() {
        return description;
    }

    /** The V4L2 pixel format with this layout, or 0 for BGR, which no camera delivers. */
    public int fourcc() {
        return fourcc;
    }

    public boolean isPlanar() {
        return this == I420 || this == NV12;
    }

    /** Packed 4:2:2: two bytes a pixel, chroma shared by pixel pairs. */
    public boolean isPacked422() {
        return this == YUYV || this == UYVY;
    }

    /** Bytes a pixel of the first (or only) plane takes. */
    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    /** Bytes of one tightly packed image. */
    public int imageBytes(int width, int height) {
        long bytes = isPlanar() ? (long) width * height * 3 / 2 : (long) width * height * bytesPerPixel;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(width + "x" + height + " " + name() + " is too large for one buffer");
        }
        return (int) bytes;
    }

    /**
     * The bytes a picture with rows {@code stride} apart needs at least, V4L2's way: a planar format's chroma planes
     * follow the Y plane, with half its stride for I420 and the same stride for NV12.
     */
    public long neededBytes(int width, int height, long stride) {
        long luma = stride * height;
        return switch (this) {
            case I420 -> luma + 2 * (stride / 2) * ((height + 1) / 2);
            case NV12 -> luma + stride * ((height + 1) / 2);
            default -> stride * (height - 1) + (long) width * bytesPerPixel;
        };
    }

    /** The Mat type of the whole image: CV_8UC2 for YUYV, CV_8UC3 for BGR, CV_8UC1 for GREY and for I420's stacked planes. */
    public int matType() {
        return matType;
    }

    /** Rows of the whole-image Mat: planar layouts stack their chroma below the luma plane, as OpenCV's codes expect. */
    public int matRows(int height) {
        return isPlanar() ? height * 3 / 2 : height;
    }

    /** Bytes per row of a tightly packed image (planar: of its luma plane). */
    public int packedRowBytes(int width) {
        return width * bytesPerPixel;
    }

    /** Null when the size suits this layout, else what is wrong with it and what to do. */
    public String sizeProblem(int width, int height) {
        if (width <= 0 || height <= 0) {
            return "a picture needs a positive width and height, got " + width + "x" + height;
        }
        boolean oddWidth = evenWidth && width % 2 != 0;
        boolean oddHeight = evenHeight && height % 2 != 0;
        if (!oddWidth && !oddHeight) {
            return null;
        }
        String odd = oddWidth && oddHeight ? "width and height" : oddWidth ? "width" : "height";
        String needs = evenHeight ? "an even width and height" : "an even width";
        return description + " needs " + needs + " (chroma is shared by pixel pairs), but " + width + "x" + height
                + " has an odd " + odd + ": use " + (width + (oddWidth ? 1 : 0)) + "x" + (height + (oddHeight ? 1 : 0))
                + " or " + (width - (oddWidth ? 1 : 0)) + "x" + (height - (oddHeight ? 1 : 0))
                + (this == GREY ? "" : ", or the GREY format, which takes any size");
    }

    /** Throws IllegalArgumentException naming the problem when the size does not suit this layout. */
    public void requireSize(int width, int height) {
        String problem = sizeProblem(width, height);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }
}
