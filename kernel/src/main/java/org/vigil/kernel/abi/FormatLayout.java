package org.vigil.kernel.abi;

/** Layout of {@code struct v4l2_format} with its single-planar {@code fmt.pix} member; the union is 8-aligned (v4l2_window holds pointers), so {@code fmt} starts at 8, not 4. */
@CStruct("v4l2_format")
public final class FormatLayout {
    @CSize public static final int SIZE = 208;
    @COffset("type") public static final int TYPE = 0;
    @COffset("fmt") public static final int FMT = 8;
    @COffset("fmt.pix.width") public static final int PIX_WIDTH = 8;
    @COffset("fmt.pix.height") public static final int PIX_HEIGHT = 12;
    @COffset("fmt.pix.pixelformat") public static final int PIX_PIXELFORMAT = 16;
    @COffset("fmt.pix.field") public static final int PIX_FIELD = 20;
    @COffset("fmt.pix.bytesperline") public static final int PIX_BYTESPERLINE = 24;
    @COffset("fmt.pix.sizeimage") public static final int PIX_SIZEIMAGE = 28;
    @COffset("fmt.pix.colorspace") public static final int PIX_COLORSPACE = 32;

    private FormatLayout() {
    }
}
