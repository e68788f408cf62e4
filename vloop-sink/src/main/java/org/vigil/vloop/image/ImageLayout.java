package org.vigil.vloop.image;

import org.opencv.core.CvType;

/**
 * How the bytes of one picture are arranged: what the pipeline hands the sink (a YUYV camera frame, a BGR or grey
 * Mat) and what a pipe carries. Each layout has one Mat shape, so a buffer in that layout is wrapped without a copy.
 */
public enum ImageLayout {
    /** Packed 4:2:2, two pixels in four bytes (Y0 U Y1 V): what most USB cameras deliver and every viewer takes. */
    YUYV("YUYV (packed 4:2:2)", CvType.CV_8UC2, true, false),
    /** Planar 4:2:0: the Y plane, then U and V at half width and half height (V4L2's YU12). */
    I420("I420 (planar 4:2:0, V4L2 YU12)", CvType.CV_8UC1, true, true),
    /** Luma only, one byte a pixel: a detector's grey picture or difference image. */
    GREY("GREY (8-bit luma)", CvType.CV_8UC1, false, false),
    /** OpenCV's 8-bit blue, green, red: what drawing and most OpenCV code produce. */
    BGR("BGR (OpenCV 8-bit colour)", CvType.CV_8UC3, false, false);

    private final String description;
    private final int matType;
    private final boolean evenWidth;
    private final boolean evenHeight;

    ImageLayout(String description, int matType, boolean evenWidth, boolean evenHeight) {
        this.description = description;
        this.matType = matType;
        this.evenWidth = evenWidth;
        this.evenHeight = evenHeight;
    }

    public String description() {
        return description;
    }

    /** Bytes of one tightly packed image. */
    public int imageBytes(int width, int height) {
        long bytes = this == I420 ? (long) width * height * 3 / 2 : (long) width * height * CvType.ELEM_SIZE(matType);
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(width + "x" + height + " " + name() + " is too large for one buffer");
        }
        return (int) bytes;
    }

    /** The Mat type of the whole image: CV_8UC2 for YUYV, CV_8UC3 for BGR, CV_8UC1 for GREY and for I420's stacked planes. */
    public int matType() {
        return matType;
    }

    /** Rows of the whole-image Mat: I420 stacks its chroma planes below the luma plane, as OpenCV's COLOR_*2YUV_I420 do. */
    public int matRows(int height) {
        return this == I420 ? height * 3 / 2 : height;
    }

    /** Bytes per row of a tightly packed image (I420: of its luma plane). */
    public int packedRowBytes(int width) {
        return width * CvType.ELEM_SIZE(matType);
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
