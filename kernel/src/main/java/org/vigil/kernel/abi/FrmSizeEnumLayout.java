package org.vigil.kernel.abi;

/** Layout of {@code struct v4l2_frmsizeenum} (VIDIOC_ENUM_FRAMESIZES). */
@CStruct("v4l2_frmsizeenum")
public final class FrmSizeEnumLayout {
    @CSize public static final int SIZE = 44;
    @COffset("index") public static final int INDEX = 0;
    @COffset("pixel_format") public static final int PIXEL_FORMAT = 4;
    @COffset("type") public static final int TYPE = 8;
    @COffset("discrete.width") public static final int DISCRETE_WIDTH = 12;
    @COffset("discrete.height") public static final int DISCRETE_HEIGHT = 16;
    @COffset("stepwise.min_width") public static final int MIN_WIDTH = 12;
    @COffset("stepwise.max_width") public static final int MAX_WIDTH = 16;
    @COffset("stepwise.step_width") public static final int STEP_WIDTH = 20;
    @COffset("stepwise.min_height") public static final int MIN_HEIGHT = 24;
    @COffset("stepwise.max_height") public static final int MAX_HEIGHT = 28;
    @COffset("stepwise.step_height") public static final int STEP_HEIGHT = 32;

    private FrmSizeEnumLayout() {
    }
}
