package org.vigil.kernel.abi;

/** Layout of {@code struct v4l2_buffer} (QUERYBUF, QBUF, DQBUF): the per-frame struct. */
@CStruct("v4l2_buffer")
public final class BufferLayout {
    @CSize public static final int SIZE = 88;
    @COffset("index") public static final int INDEX = 0;
    @COffset("type") public static final int TYPE = 4;
    @COffset("bytesused") public static final int BYTESUSED = 8;
    @COffset("flags") public static final int FLAGS = 12;
    @COffset("field") public static final int FIELD = 16;
    @COffset("timestamp.tv_sec") public static final int TIMESTAMP_SEC = 24;
    @COffset("timestamp.tv_usec") public static final int TIMESTAMP_USEC = 32;
    @COffset("sequence") public static final int SEQUENCE = 56;
    @COffset("memory") public static final int MEMORY = 60;
    @COffset("m.offset") public static final int M_OFFSET = 64;
    @COffset("length") public static final int LENGTH = 72;

    private BufferLayout() {
    }
}
