package org.vigil.kernel.abi;

/** Layout of {@code struct v4l2_fmtdesc} (VIDIOC_ENUM_FMT). */
@CStruct("v4l2_fmtdesc")
public final class FmtDescLayout {
    @CSize public static final int SIZE = 64;
    @COffset("index") public static final int INDEX = 0;
    @COffset("type") public static final int TYPE = 4;
    @COffset("flags") public static final int FLAGS = 8;
    @COffset("description") public static final int DESCRIPTION = 12;
    public static final int DESCRIPTION_LEN = 32;
    @COffset("pixelformat") public static final int PIXELFORMAT = 44;

    private FmtDescLayout() {
    }
}
