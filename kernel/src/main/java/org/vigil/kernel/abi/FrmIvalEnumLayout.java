package org.vigil.kernel.abi;

/** Layout of {@code struct v4l2_frmivalenum} (VIDIOC_ENUM_FRAMEINTERVALS). */
@CStruct("v4l2_frmivalenum")
public final class FrmIvalEnumLayout {
    @CSize public static final int SIZE = 52;
    @COffset("index") public static final int INDEX = 0;
    @COffset("pixel_format") public static final int PIXEL_FORMAT = 4;
    @COffset("width") public static final int WIDTH = 8;
    @COffset("height") public static final int HEIGHT = 12;
    @COffset("type") public static final int TYPE = 16;
    @COffset("discrete.numerator") public static final int DISCRETE_NUM = 20;
    @COffset("discrete.denominator") public static final int DISCRETE_DEN = 24;
    @COffset("stepwise.min.numerator") public static final int MIN_NUM = 20;
    @COffset("stepwise.min.denominator") public static final int MIN_DEN = 24;
    @COffset("stepwise.max.numerator") public static final int MAX_NUM = 28;
    @COffset("stepwise.max.denominator") public static final int MAX_DEN = 32;
    @COffset("stepwise.step.numerator") public static final int STEP_NUM = 36;
    @COffset("stepwise.step.denominator") public static final int STEP_DEN = 40;

    private FrmIvalEnumLayout() {
    }
}
