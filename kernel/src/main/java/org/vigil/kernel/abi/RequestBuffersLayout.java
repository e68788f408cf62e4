package org.vigil.kernel.abi;

/** Layout of {@code struct v4l2_requestbuffers} (VIDIOC_REQBUFS). */
@CStruct("v4l2_requestbuffers")
public final class RequestBuffersLayout {
    @CSize public static final int SIZE = 20;
    @COffset("count") public static final int COUNT = 0;
    @COffset("type") public static final int TYPE = 4;
    @COffset("memory") public static final int MEMORY = 8;
    @COffset("capabilities") public static final int CAPABILITIES = 12;

    private RequestBuffersLayout() {
    }
}
