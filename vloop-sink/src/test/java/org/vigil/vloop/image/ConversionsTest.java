package org.vigil.vloop.image;

import org.junit.jupiter.api.BeforeAll;
import org.vigil.opencv.OpenCvNatives;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every conversion against an independent reference (plain loops over the bytes, or OpenCV writing into a Mat of its
 * own), read back from the destination buffer itself: that also proves OpenCV wrote into the wrapped memory instead
 * of quietly allocating a new image.
 */
class ConversionsTest {
    private static final int W = 64;
    private static final int H = 48;
    private final Random random = new Random(42);

    @BeforeAll
    static void natives() {
        OpenCvNatives.load(); // the tests make Mats of their own
    }

    @Test
    void sameLayoutIsAPlainCopy() {
        for (ImageLayout layout : new ImageLayout[] {ImageLayout.YUYV, ImageLayout.I420, ImageLayout.GREY}) {
            ByteBuffer source = randomBuffer(layout.imageBytes(W, H));
            try (Conversion copy = Conversions.between(layout, layout, W, H)) {
                assertTrue(copy.isCopy());
                assertArrayEquals(bytes(source), convert(copy, source, layout, layout), layout.name());
            }
        }
    }

    @Test
    void yuyvToGreyTakesTheLumaBytes() {
        ByteBuffer yuyv = randomBuffer(ImageLayout.YUYV.imageBytes(W, H));
        byte[] grey = convert(ImageLayout.YUYV, ImageLayout.GREY, yuyv);
        byte[] in = bytes(yuyv);
        for (int i = 0; i < W * H; i++) {
            assertEquals(in[2 * i], grey[i], "pixel " + i);
        }
    }

    @Test
    void yuyvToI420TakesLumaAndTheChromaOfEvenLines() {
        ByteBuffer yuyv = randomBuffer(ImageLayout.YUYV.imageBytes(W, H));
        checkYuyvToI420(bytes(yuyv), convert(ImageLayout.YUYV, ImageLayout.I420, yuyv), 2 * W);
    }

    @Test
    void aYuyvFrameWithPaddedRowsConvertsToo() {
        int stride = 2 * W + 32; // a camera's bytesperline may exceed 2 x width
        ByteBuffer padded = randomBuffer(stride * H);
        try (SourceImages sources = new SourceImages(ImageLayout.YUYV, W, H);
             Conversion toI420 = Conversions.between(ImageLayout.YUYV, ImageLayout.I420, W, H);
             Conversion copy = Conversions.between(ImageLayout.YUYV, ImageLayout.YUYV, W, H)) {
            SourceImage image = sources.of(padded, stride);
            assertFalse(image.isPacked(), "padded rows cannot be written as they are");
            checkYuyvToI420(bytes(padded), render(toI420, image, ImageLayout.I420), stride);
            byte[] copied = render(copy, image, ImageLayout.YUYV);
            byte[] in = bytes(padded);
            for (int row = 0; row < H; row++) {
                for (int i = 0; i < 2 * W; i++) {
                    assertEquals(in[row * stride + i], copied[row * 2 * W + i], "row " + row + " byte " + i);
                }
            }
        }
    }

    @Test
    void aYuyvMatConvertsToI420() {
        ByteBuffer yuyv = randomBuffer(ImageLayout.YUYV.imageBytes(W, H));
        Mat mat = new Mat(H, W, CvType.CV_8UC2);
        mat.put(0, 0, bytes(yuyv));
        try (SourceImages sources = new SourceImages(ImageLayout.YUYV, W, H);
             Conversion toI420 = Conversions.between(ImageLayout.YUYV, ImageLayout.I420, W, H)) {
            checkYuyvToI420(bytes(yuyv), render(toI420, sources.of(mat), ImageLayout.I420), 2 * W);
        } finally {
            mat.release();
        }
    }

    @Test
    void greyBecomesLumaWithNeutralChroma() {
        ByteBuffer grey = randomBuffer(W * H);
        byte[] in = bytes(grey);
        byte[] yuyv = convert(ImageLayout.GREY, ImageLayout.YUYV, grey);
        for (int i = 0; i < W * H; i++) {
            assertEquals(in[i], yuyv[2 * i]);
            assertEquals((byte) 128, yuyv[2 * i + 1]);
        }
        byte[] i420 = convert(ImageLayout.GREY, ImageLayout.I420, grey);
        for (int i = 0; i < i420.length; i++) {
            assertEquals(i < W * H ? in[i] : (byte) 128, i420[i], "byte " + i);
        }
    }

    @Test
    void i420ToGreyIsItsLumaPlane() {
        ByteBuffer i420 = randomBuffer(ImageLayout.I420.imageBytes(W, H));
        byte[] grey = convert(ImageLayout.I420, ImageLayout.GREY, i420);
        byte[] in = bytes(i420);
        for (int i = 0; i < W * H; i++) {
            assertEquals(in[i], grey[i]);
        }
    }

    @Test
    void bgrConvertsAsOpenCvDoesIntoAnImageOfItsOwn() {
        Mat bgr = new Mat(H, W, CvType.CV_8UC3);
        bgr.put(0, 0, bytes(randomBuffer(W * H * 3)));
        int[][] cases = {
                {ImageLayout.YUYV.ordinal(), Imgproc.COLOR_BGR2YUV_YUYV},
                {ImageLayout.I420.ordinal(), Imgproc.COLOR_BGR2YUV_I420},
                {ImageLayout.GREY.ordinal(), Imgproc.COLOR_BGR2GRAY}};
        try (SourceImages sources = new SourceImages(ImageLayout.BGR, W, H)) {
            for (int[] c : cases) {
                ImageLayout pipe = ImageLayout.values()[c[0]];
                Mat reference = new Mat();
                Imgproc.cvtColor(bgr, reference, c[1]);
                byte[] expected = new byte[(int) (reference.total() * reference.elemSize())];
                reference.get(0, 0, expected);
                reference.release();
                try (Conversion conversion = Conversions.between(ImageLayout.BGR, pipe, W, H)) {
                    assertArrayEquals(expected, render(conversion, sources.of(bgr), pipe), pipe.name());
                }
            }
        } finally {
            bgr.release();
        }
    }

    @Test
    void aLayoutNoPipeCarriesIsRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conversions.between(ImageLayout.I420, ImageLayout.BGR, W, H));
        assertEquals("pipes carry YUYV, I420 or GREY pictures, not BGR (OpenCV 8-bit colour): send I420 pictures to a "
                + "pipe of [YUYV, I420, GREY]", e.getMessage());
    }

    @Test
    void uyvySwapsIntoYuyvAndGivesItsLumaAndEvenLineChroma() {
        int stride = 2 * W + 8;
        ByteBuffer uyvy = randomBuffer(stride * H);
        byte[] in = bytes(uyvy);
        try (SourceImages sources = new SourceImages(ImageLayout.UYVY, W, H)) {
            SourceImage image = sources.of(uyvy, stride);
            byte[] yuyv = render(ImageLayout.UYVY, ImageLayout.YUYV, image);
            byte[] grey = render(ImageLayout.UYVY, ImageLayout.GREY, image);
            byte[] i420 = render(ImageLayout.UYVY, ImageLayout.I420, image);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int at = y * stride + 2 * x;
                    assertEquals(in[at + 1], yuyv[(y * W + x) * 2], "Y at " + x + "," + y);
                    assertEquals(in[at], yuyv[(y * W + x) * 2 + 1], "chroma at " + x + "," + y);
                    assertEquals(in[at + 1], grey[y * W + x], "grey at " + x + "," + y);
                    assertEquals(in[at + 1], i420[y * W + x], "I420 Y at " + x + "," + y);
                }
            }
            for (int y = 0; y < H / 2; y++) {
                for (int x = 0; x < W / 2; x++) {
                    int quad = 2 * y * stride + 4 * x;
                    assertEquals(in[quad], i420[W * H + y * W / 2 + x], "U at " + x + "," + y);
                    assertEquals(in[quad + 2], i420[W * H * 5 / 4 + y * W / 2 + x], "V at " + x + "," + y);
                }
            }
        }
    }

    /** Planar 4:2:0 frames as V4L2 lays them out with padded rows: chroma rows half (I420) or all (NV12) of the stride. */
    @Test
    void planarFramesWithPaddedRowsReachEveryPipeLayout() {
        int stride = W + 16;
        for (ImageLayout layout : new ImageLayout[] {ImageLayout.I420, ImageLayout.NV12}) {
            ByteBuffer frame = randomBuffer((int) layout.neededBytes(W, H, stride));
            byte[] in = bytes(frame);
            try (SourceImages sources = new SourceImages(layout, W, H)) {
                SourceImage image = sources.of(frame, stride);
                byte[] yuyv = render(layout, ImageLayout.YUYV, image);
                byte[] i420 = render(layout, ImageLayout.I420, image);
                byte[] grey = render(layout, ImageLayout.GREY, image);
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        byte luma = in[y * stride + x];
                        String at = layout + " at " + x + "," + y;
                        assertEquals(luma, grey[y * W + x], "grey " + at);
                        assertEquals(luma, i420[y * W + x], "I420 Y " + at);
                        assertEquals(luma, yuyv[2 * (y * W + x)], "YUYV Y " + at);
                        byte u = chroma(layout, in, stride, x / 2, y / 2, 0);
                        byte v = chroma(layout, in, stride, x / 2, y / 2, 1);
                        assertEquals(x % 2 == 0 ? u : v, yuyv[2 * (y * W + x) + 1], "YUYV chroma " + at);
                        if (x % 2 == 0 && y % 2 == 0) {
                            assertEquals(u, i420[W * H + (y / 2) * W / 2 + x / 2], "I420 U " + at);
                            assertEquals(v, i420[W * H * 5 / 4 + (y / 2) * W / 2 + x / 2], "I420 V " + at);
                        }
                    }
                }
            }
        }
    }

    private static byte chroma(ImageLayout layout, byte[] frame, int stride, int cx, int cy, int plane) {
        if (layout == ImageLayout.NV12) {
            return frame[stride * H + cy * stride + 2 * cx + plane];
        }
        return frame[stride * H + plane * (stride / 2) * (H / 2) + cy * (stride / 2) + cx];
    }

    @Test
    void rgbConvertsAsOpenCvDoes() {
        Mat rgb = new Mat(H, W, CvType.CV_8UC3);
        rgb.put(0, 0, bytes(randomBuffer(W * H * 3)));
        int[][] cases = {
                {ImageLayout.YUYV.ordinal(), Imgproc.COLOR_RGB2YUV_YUYV},
                {ImageLayout.I420.ordinal(), Imgproc.COLOR_RGB2YUV_I420},
                {ImageLayout.GREY.ordinal(), Imgproc.COLOR_RGB2GRAY}};
        try (SourceImages sources = new SourceImages(ImageLayout.RGB, W, H)) {
            for (int[] c : cases) {
                ImageLayout pipe = ImageLayout.values()[c[0]];
                Mat reference = new Mat();
                Imgproc.cvtColor(rgb, reference, c[1]);
                byte[] expected = new byte[(int) (reference.total() * reference.elemSize())];
                reference.get(0, 0, expected);
                reference.release();
                try (Conversion conversion = Conversions.between(ImageLayout.RGB, pipe, W, H)) {
                    assertArrayEquals(expected, render(conversion, sources.of(rgb), pipe), pipe.name());
                }
            }
        } finally {
            rgb.release();
        }
    }

    @Test
    void aPaddedI420FrameIsCopiedPlaneByPlane() {
        int stride = W + 32;
        ByteBuffer frame = randomBuffer((int) ImageLayout.I420.neededBytes(W, H, stride));
        byte[] in = bytes(frame);
        try (SourceImages sources = new SourceImages(ImageLayout.I420, W, H)) {
            byte[] out = render(ImageLayout.I420, ImageLayout.I420, sources.of(frame, stride));
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    assertEquals(in[y * stride + x], out[y * W + x], "Y at " + x + "," + y);
                }
            }
            for (int plane = 0; plane < 2; plane++) {
                for (int y = 0; y < H / 2; y++) {
                    for (int x = 0; x < W / 2; x++) {
                        assertEquals(in[stride * H + plane * (stride / 2) * (H / 2) + y * stride / 2 + x],
                                out[W * H + plane * W * H / 4 + y * W / 2 + x], "plane " + plane + " at " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void aSizeTheLayoutCannotTakeIsRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conversions.between(ImageLayout.BGR, ImageLayout.I420, 321, 240));
        assertTrue(e.getMessage().contains("needs an even width and height") && e.getMessage().contains("321x240 has an odd width")
                && e.getMessage().contains("use 322x240 or 320x240"), e.getMessage());
    }

    @Test
    void aMatOfTheWrongShapeIsRefused() {
        Mat wrong = new Mat(H, W, CvType.CV_8UC1);
        try (SourceImages sources = new SourceImages(ImageLayout.BGR, W, H)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sources.of(wrong));
            assertTrue(e.getMessage().contains("takes 64x48 BGR") && e.getMessage().contains("got a 48x64 CV_8UC1 Mat"),
                    e.getMessage());
        } finally {
            wrong.release();
        }
    }

    /** Steady state: the source and destination images are made once, then converting allocates nothing. */
    @Test
    void convertingAllocatesNothingPerFrame() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Mat bgr = new Mat(H, W, CvType.CV_8UC3);
        ByteBuffer yuyv = randomBuffer(ImageLayout.YUYV.imageBytes(W, H));
        try (SourceImages bgrSources = new SourceImages(ImageLayout.BGR, W, H);
             SourceImages yuyvSources = new SourceImages(ImageLayout.YUYV, W, H);
             PipeImage i420 = PipeImage.over(ByteBuffer.allocateDirect(ImageLayout.I420.imageBytes(W, H)), ImageLayout.I420, W, H);
             Conversion fromBgr = Conversions.between(ImageLayout.BGR, ImageLayout.I420, W, H);
             Conversion fromYuyv = Conversions.between(ImageLayout.YUYV, ImageLayout.I420, W, H)) {
            Runnable frame = () -> {
                fromBgr.convert(bgrSources.of(bgr), i420);
                fromYuyv.convert(yuyvSources.of(yuyv), i420);
            };
            for (int i = 0; i < 20_000; i++) {
                frame.run(); // let the JIT settle (escape analysis removes what the interpreter still allocates)
            }
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 1000; i++) {
                frame.run();
            }
            long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertTrue(allocated < 1000, allocated + " bytes allocated over 1000 frames");
        } finally {
            bgr.release();
        }
    }

    private void checkYuyvToI420(byte[] yuyv, byte[] i420, int stride) {
        for (int row = 0; row < H; row++) {
            for (int col = 0; col < W; col++) {
                assertEquals(yuyv[row * stride + 2 * col], i420[row * W + col], "Y at " + col + "," + row);
            }
        }
        int u = W * H;
        int v = u + W * H / 4;
        for (int row = 0; row < H / 2; row++) {
            for (int col = 0; col < W / 2; col++) {
                int quad = 2 * row * stride + 4 * col;
                assertEquals(yuyv[quad + 1], i420[u + row * W / 2 + col], "U at " + col + "," + row);
                assertEquals(yuyv[quad + 3], i420[v + row * W / 2 + col], "V at " + col + "," + row);
            }
        }
    }

    private static byte[] convert(ImageLayout from, ImageLayout to, ByteBuffer source) {
        try (Conversion conversion = Conversions.between(from, to, W, H)) {
            return convert(conversion, source, from, to);
        }
    }

    private static byte[] convert(Conversion conversion, ByteBuffer source, ImageLayout from, ImageLayout to) {
        try (SourceImages sources = new SourceImages(from, W, H)) {
            return render(conversion, sources.of(source), to);
        }
    }

    private static byte[] render(ImageLayout from, ImageLayout to, SourceImage image) {
        try (Conversion conversion = Conversions.between(from, to, W, H)) {
            return render(conversion, image, to);
        }
    }

    /** Converts into a fresh direct buffer and returns what landed in that buffer. */
    private static byte[] render(Conversion conversion, SourceImage source, ImageLayout to) {
        ByteBuffer target = ByteBuffer.allocateDirect(to.imageBytes(W, H));
        try (PipeImage image = PipeImage.over(target, to, W, H)) {
            conversion.convert(source, image);
        }
        return bytes(target);
    }

    private ByteBuffer randomBuffer(int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return ByteBuffer.allocateDirect(size).put(data).clear();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] data = new byte[buffer.capacity()];
        buffer.duplicate().clear().get(data);
        return data;
    }
}
