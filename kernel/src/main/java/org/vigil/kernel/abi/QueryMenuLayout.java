package org.vigil.kernel.abi;

/** Layout of {@code struct v4l2_querymenu} (VIDIOC_QUERYMENU), a packed struct. */
@CStruct("v4l2_querymenu")
public final class QueryMenuLayout {
    @CSize public static final int SIZE = 44;
    @COffset("id") public static final int ID = 0;
    @COffset("index") public static final int INDEX = 4;
    @COffset("name") public static final int NAME = 8;
    public static final int NAME_LEN = 32;
    @COffset("value") public static final int VALUE = 8;

    private QueryMenuLayout() {
    }
}
