package org.vigil.kernel.abi;

/** Layout of {@code struct v4l2_capability} (VIDIOC_QUERYCAP). */
@CStruct("v4l2_capability")
public final class CapabilityLayout {
    @CSize public static final int SIZE = 104;
    @COffset("driver") public static final int DRIVER = 0;
    public static final int DRIVER_LEN = 16;
    @COffset("card") public static final int CARD = 16;
    public static final int CARD_LEN = 32;
    @COffset("bus_info") public static final int BUS_INFO = 48;
    public static final int BUS_INFO_LEN = 32;
    @COffset("version") public static final int VERSION = 80;
    @COffset("capabilities") public static final int CAPABILITIES = 84;
    @COffset("device_caps") public static final int DEVICE_CAPS = 88;

    private CapabilityLayout() {
    }
}
