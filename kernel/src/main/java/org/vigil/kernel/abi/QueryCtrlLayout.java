package org.vigil.kernel.abi;

/** Layout of {@code struct v4l2_queryctrl} (VIDIOC_QUERYCTRL). */
@CStruct("v4l2_queryctrl")
public final class QueryCtrlLayout {
    @CSize public static final int SIZE = 68;
    @COffset("id") public static final int ID = 0;
    @COffset("type") public static final int TYPE = 4;
    @COffset("name") public static final int NAME = 8;
    public static final int NAME_LEN = 32;
    @COffset("minimum") public static final int MINIMUM = 40;
    @COffset("maximum") public static final int MAXIMUM = 44;
    @COffset("step") public static final int STEP = 48;
    @COffset("default_value") public static final int DEFAULT_VALUE = 52;
    @COffset("flags") public static final int FLAGS = 56;

    private QueryCtrlLayout() {
    }
}
