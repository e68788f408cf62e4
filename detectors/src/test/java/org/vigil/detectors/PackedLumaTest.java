package org.vigil.detectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class PackedLumaTest {

    private static final int W = 64;
    private static final int H = 48;

    /** A YUYV frame with a stride wider than the row, as some drivers pad rows; returns the Y values it holds. */
    private static byte[] fill(ByteBuffer yuyv, int stride, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] luma = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                luma[y * W + x] = (byte) random.nextInt(256);
                yuyv.put(y * stride + 2 * x, luma[y * W + x]);
                yuyv.put(y * stride + 2 * x + 1, (byte) random.nextInt(256)); // U or V: must not leak into Y
            }
        }
        return luma;
    }

    @Test
    void fullSizeIsTheYPlane() {
        int stride = 2 * W + 16;
        ByteBuffer buffer = ByteBuffer.allocateDirect(stride * H);
        byte[] luma = fill(buffer, stride, 1);
        try (PackedLuma extractor = PackedLuma.yuyv(W, H, stride)) {
            Mat grey = extractor.fullSize(buffer);
            byte[] got = new byte[W * H];
            grey.get(0, 0, got);
            assertArrayEquals(luma, got);
            assertSame(grey, extractor.fullSize(buffer), "the output image is reused");
        }
    }

    @Test
    void shrunkAveragesTheYPlaneOverEachBlock() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(2 * W * H);
        byte[] luma = fill(buffer, 2 * W, 2);
        try (PackedLuma extractor = PackedLuma.yuyv(W, H, 2 * W)) {
            for (int factor : new int[] {2, 4}) {
                Mat small = extractor.shrunk(buffer, factor);
                int sw = W / factor;
                assertEquals(sw, small.cols());
                assertEquals(H / factor, small.rows());
                byte[] got = new byte[sw * (H / factor)];
                small.get(0, 0, got);
                // each output pixel averages the even or odd columns of a (2 x factor) by factor block: its mean
                // lies within a few levels of the block's mean, and far from random bytes' spread
                double worst = 0;
                for (int y = 0; y < H / factor; y++) {
                    for (int x = 0; x < sw; x++) {
                        int x0 = (x / 2) * 2 * factor;
                        int parity = x % 2;
                        double sum = 0;
                        int n = 0;
                        for (int dy = 0; dy < factor; dy++) {
                            for (int dx = parity; dx < 2 * factor; dx += 2) {
                                sum += luma[(factor * y + dy) * W + x0 + dx] & 0xff;
                                n++;
                            }
                        }
                        worst = Math.max(worst, Math.abs(sum / n - (got[y * sw + x] & 0xff)));
                    }
                }
                assertTrue(worst <= 1.5, "factor " + factor + ": off by " + worst);
            }
            assertThrows(IllegalArgumentException.class, () -> extractor.shrunk(buffer, 3));
        }
    }

    @Test
    void uyvyFramesGiveTheirYPlaneToo() {
        int stride = 2 * W;
        ByteBuffer yuyv = ByteBuffer.allocateDirect(stride * H);
        byte[] luma = fill(yuyv, stride, 3);
        ByteBuffer uyvy = ByteBuffer.allocateDirect(stride * H);
        for (int i = 0; i < stride * H; i += 2) { // the same picture with each (Y, chroma) pair swapped
            uyvy.put(i, yuyv.get(i + 1)).put(i + 1, yuyv.get(i));
        }
        try (PackedLuma fromYuyv = PackedLuma.yuyv(W, H, stride);
             PackedLuma fromUyvy = new PackedLuma(PackedLuma.Order.UYVY, W, H, stride)) {
            byte[] full = new byte[W * H];
            fromUyvy.fullSize(uyvy).get(0, 0, full);
            assertArrayEquals(luma, full);
            byte[] expected = new byte[(W / 4) * (H / 4)];
            byte[] got = new byte[expected.length];
            fromYuyv.shrunk(yuyv, 4).get(0, 0, expected);
            fromUyvy.shrunk(uyvy, 4).get(0, 0, got);
            assertArrayEquals(expected, got, "shrinking averages the same pixels in either order");
        }
    }

    @Test
    void buffersThatCannotBeWrappedAreRefused() {
        try (PackedLuma extractor = PackedLuma.yuyv(W, H, 2 * W)) {
            IllegalArgumentException heap = assertThrows(IllegalArgumentException.class, () -> extractor.fullSize(ByteBuffer.allocate(2 * W * H)));
            assertTrue(heap.getMessage().contains("direct"), heap.getMessage());
            IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> extractor.fullSize(ByteBuffer.allocateDirect(2 * W * H - 1)));
            assertTrue(small.getMessage().contains("too small"), small.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PackedLuma.yuyv(W, H, W));
    }
}
