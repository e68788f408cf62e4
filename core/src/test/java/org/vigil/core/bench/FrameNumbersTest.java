package org.vigil.core.bench;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The side-by-side run's frame numbers read back from YUYV and from the Y plane of YU12 (Motion's pipe). */
class FrameNumbersTest {
    private static final int W = 640;
    private static final int H = 480;

    @Test
    void numbersComeBackFromBothLayouts() {
        ByteBuffer yuyv = ByteBuffer.allocate(2 * W * H);
        for (int number : new int[] {0, 1, 4711, 65535, 65536 + 7}) {
            for (int i = 0; i < yuyv.capacity(); i++) {
                yuyv.put(i, (byte) (i * 31));
            }
            FrameNumbers.stampYuyv(yuyv, W, number);
            assertEquals(number & 0xffff, FrameNumbers.read(yuyv, W, 2 * W, 2), "YUYV");
            ByteBuffer luma = ByteBuffer.allocate(W * H * 3 / 2);
            for (int i = 0; i < W * H; i++) {
                luma.put(i, yuyv.get(2 * i));
            }
            assertEquals(number & 0xffff, FrameNumbers.read(luma, W, W, 1), "YU12");
        }
        assertEquals(-1, FrameNumbers.read(ByteBuffer.allocate(2 * W * H), W, 2 * W, 2), "a picture without a number");
    }
}
