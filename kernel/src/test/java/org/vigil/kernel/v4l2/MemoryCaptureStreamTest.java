package org.vigil.kernel.v4l2;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.abi.V4l2Constants;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmarks' memory camera counts as a camera does: frames on time carry consecutive sequence numbers, a
 * consumer that falls more than a ring behind sees the gap, and a wakeup ends a wait at once.
 */
class MemoryCaptureStreamTest {
    private static final PixFormat FORMAT = new PixFormat(8, 2, FourCC.YUYV, V4l2Constants.FIELD_NONE, 16, 32, 0);
    private static final List<ByteBuffer> PICTURES = List.of(ByteBuffer.allocateDirect(32), ByteBuffer.allocateDirect(32));

    @Test
    void aSlowConsumerSeesTheFramesItMissedAsAGap() throws Exception {
        try (MemoryCaptureStream stream = new MemoryCaptureStream(FORMAT, PICTURES, new int[] {0, 1}, 100, true, null)) {
            long last = -1;
            for (int i = 0; i < 5; i++) {
                try (Frame frame = stream.next()) {
                    assertEquals(last + 1, frame.sequence(), "on time: no gap");
                    last = frame.sequence();
                }
            }
            Thread.sleep(200); // 20 frame periods: far more than a ring of 4
            try (Frame frame = stream.next()) {
                assertTrue(frame.sequence() - last > 10, "after a stall the sequence jumps: " + last + " -> " + frame.sequence());
                assertEquals(frame.sequence() % 2, frame.index(), "the pictures in their order");
            }
        }
    }

    @Test
    void aWakeupEndsTheWait() throws Exception {
        try (Wakeup wakeup = Wakeup.create();
             MemoryCaptureStream stream = new MemoryCaptureStream(FORMAT, PICTURES, new int[] {0}, 0.2, true, wakeup)) {
            stream.next().close(); // frame 0 is due at once; frame 1 in 5 s
            wakeup.wake();
            long started = System.nanoTime();
            assertNull(stream.next(), "woken, not a frame");
            assertTrue(System.nanoTime() - started < 2_000_000_000L, "the wakeup, not the 5 s period, ended the wait");
        }
    }
}
