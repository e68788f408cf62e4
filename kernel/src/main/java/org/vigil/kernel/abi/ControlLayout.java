package org.vigil.kernel.abi;

/** Layout of {@code struct v4l2_control} (G_CTRL/S_CTRL). */
@CStruct("v4l2_control")
public final class ControlLayout {
    @CSize public static final int SIZE = 8;
    @COffset("id") public static final int ID = 0;
    @COffset("value") public static final int VALUE = 4;

    private ControlLayout() {
    }
}
