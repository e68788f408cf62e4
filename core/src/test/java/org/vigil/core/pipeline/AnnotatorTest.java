package org.vigil.core.pipeline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.core.config.AnnotationOptions;
import org.vigil.detectors.AreaMask;
import org.vigil.detectors.Box;
import org.vigil.detectors.Centroid;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;
import org.vigil.opencv.OpenCvNatives;
import org.vigil.vloop.image.ImageLayout;
import org.vigil.vloop.image.PipeImage;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The annotator in each pipe format, read back from the picture's bytes: the box in the annotator's red where the
 * box is, the labels black with white text, the privacy area blank, the rest untouched; and nothing allocated per
 * frame while the detection stays the same. (The rig's AnnotatedFeedIT shows the same on YUYV pipes end to end.)
 */
class AnnotatorTest {
    private static final int W = 320;
    private static final int H = 240;
    private static final Box BOX = new Box(200, 100, 60, 80);
    private static final Detection MOTION = new Detection(DetectionState.MOTION, 0.05, 4800, List.of(BOX),
            Optional.of(new Centroid(230, 140)), 1.5, List.of());

    @BeforeAll
    static void natives() {
        OpenCvNatives.load();
    }

    @Test
    void eachFormatGetsTheBoxTheLabelsAndThePrivacyBlankInItsOwnEncoding() {
        AreaMask privacy = AreaMask.of("test", 4, 4, new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1}); // x 0-79, y 120-179
        for (ImageLayout layout : List.of(ImageLayout.YUYV, ImageLayout.I420, ImageLayout.GREY)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(layout.imageBytes(W, H));
            Planes before = Planes.grey(layout, buffer, 120, 100, 150);
            try (PipeImage picture = PipeImage.over(buffer, layout, W, H);
                 Annotator annotator = new Annotator("porch", layout, W, H, AnnotationOptions.defaults(),
                         Optional.of(privacy), () -> MOTION)) {
                annotator.decorate(picture);
                Planes after = Planes.read(layout, buffer);
                List<int[]> regions = annotator.lastOverlay().regions();
                assertEquals(3, regions.size(), layout + ": a box and two labels");
                String what = layout.name();
                // on the box's top edge, inside its line
                assertColour(after, BOX.x() + 30, BOX.y() - 1, YuvColour.RED, what + " box");
                // the middle of the box is the picture's
                assertColour(after, BOX.x() + 30, BOX.y() + 40, 120, 100, 150, what + " inside the box");
                // the privacy area: blank, the labels aside
                assertColour(after, 40, 150, YuvColour.BLACK, what + " privacy area");
                // labels: black background with white text in it
                int[] top = regions.get(1);
                int white = 0;
                int black = 0;
                for (int y = top[1] + 2; y < top[1] + top[3] - 2; y++) {
                    for (int x = top[0] + 2; x < top[0] + top[2] - 2; x++) {
                        int luma = after.luma(x, y);
                        white += luma > 200 ? 1 : 0;
                        black += luma == YuvColour.BLACK.y ? 1 : 0;
                    }
                }
                assertTrue(white > 20 && black > white, what + ": top label " + white + " white, " + black + " black");
                // everything else untouched
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        boolean changed = inside(x, y, regions) || x < 80 + 2 && y >= 118 && y < 182;
                        if (!changed) {
                            assertColour(after, x, y, before.luma(x, y), before.u(x, y), before.v(x, y), what + " at " + x + "," + y);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aSteadyDetectionIsDrawnWithoutAllocating() {
        AnnotationOptions noTime = new AnnotationOptions(true, true, false, true, true, 1, "HH:mm", 2);
        ByteBuffer buffer = ByteBuffer.allocateDirect(ImageLayout.YUYV.imageBytes(W, H));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (PipeImage picture = PipeImage.over(buffer, ImageLayout.YUYV, W, H);
             Annotator annotator = new Annotator("porch", ImageLayout.YUYV, W, H, noTime, Optional.empty(), () -> MOTION)) {
            for (int i = 0; i < 20_000; i++) {
                annotator.decorate(picture);
            }
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 1000; i++) {
                annotator.decorate(picture);
            }
            long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertTrue(allocated < 1000, allocated + " bytes over 1000 frames");
        }
    }

    @Test
    void aNewDetectionRedrawsItsLabelAndAllocatesOnlyTheOverlay() {
        AnnotationOptions noTime = new AnnotationOptions(true, true, false, true, true, 1, "HH:mm", 2);
        Detection[] detections = new Detection[10];
        for (int i = 0; i < detections.length; i++) {
            detections[i] = new Detection(DetectionState.MOTION, 0.01 + 0.001 * i, 4800, List.of(BOX),
                    Optional.of(new Centroid(230, 140)), 1.5, List.of());
        }
        int[] next = {0};
        ByteBuffer buffer = ByteBuffer.allocateDirect(ImageLayout.YUYV.imageBytes(W, H));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (PipeImage picture = PipeImage.over(buffer, ImageLayout.YUYV, W, H);
             Annotator annotator = new Annotator("porch", ImageLayout.YUYV, W, H, noTime, Optional.empty(),
                     () -> detections[next[0]])) {
            annotator.decorate(picture);
            int[] bottom = annotator.lastOverlay().regions().get(2);
            byte[] first = rows(buffer, bottom);
            next[0] = 5;
            annotator.decorate(picture);
            assertTrue(!java.util.Arrays.equals(first, rows(buffer, bottom)), "1.0% and 1.5% changed look different");
            assertEquals("motion 1.5%", annotator.lastOverlay().texts().get(1));
            for (int i = 0; i < 20_000; i++) {
                next[0] = i % detections.length;
                annotator.decorate(picture);
            }
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 1000; i++) {
                next[0] = i % detections.length;
                annotator.decorate(picture);
            }
            long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            // the overlay record and its two-label list, 48 bytes; the texts, labels and their stamps are reused
            assertTrue(allocated <= 64_000, allocated + " bytes over 1000 frames with a new detection each");
        }
    }

    /** The bytes of a region's rows (whole rows, YUYV). */
    private static byte[] rows(ByteBuffer buffer, int[] region) {
        int top = Math.max(0, region[1]);
        int bottom = Math.min(H, region[1] + region[3]);
        byte[] bytes = new byte[(bottom - top) * 2 * W];
        buffer.get(top * 2 * W, bytes);
        return bytes;
    }

    private static boolean inside(int x, int y, List<int[]> regions) {
        for (int[] r : regions) {
            if (x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3]) {
                return true;
            }
        }
        return false;
    }

    private static void assertColour(Planes planes, int x, int y, YuvColour colour, String what) {
        assertColour(planes, x, y, colour.y, colour.u, colour.v, what);
    }

    private static void assertColour(Planes planes, int x, int y, int luma, int u, int v, String what) {
        assertEquals(luma, planes.luma(x, y), what + ": Y");
        if (planes.layout != ImageLayout.GREY) {
            assertEquals(u, planes.u(x, y), what + ": U");
            assertEquals(v, planes.v(x, y), what + ": V");
        }
    }

    /** A picture's samples by pixel, read from its bytes as the format lays them out. */
    private record Planes(ImageLayout layout, byte[] bytes) {
        static Planes grey(ImageLayout layout, ByteBuffer buffer, int y, int u, int v) {
            byte[] bytes = new byte[layout.imageBytes(W, H)];
            for (int row = 0; row < H; row++) {
                for (int x = 0; x < W; x++) {
                    switch (layout) {
                        case YUYV -> {
                            bytes[2 * (row * W + x)] = (byte) y;
                            bytes[2 * (row * W + x) + 1] = (byte) (x % 2 == 0 ? u : v);
                        }
                        case I420 -> {
                            bytes[row * W + x] = (byte) y;
                            bytes[W * H + (row / 2) * (W / 2) + x / 2] = (byte) u;
                            bytes[W * H * 5 / 4 + (row / 2) * (W / 2) + x / 2] = (byte) v;
                        }
                        default -> bytes[row * W + x] = (byte) y;
                    }
                }
            }
            buffer.put(0, bytes);
            return new Planes(layout, bytes);
        }

        static Planes read(ImageLayout layout, ByteBuffer buffer) {
            byte[] bytes = new byte[layout.imageBytes(W, H)];
            buffer.get(0, bytes);
            return new Planes(layout, bytes);
        }

        int luma(int x, int y) {
            return (layout == ImageLayout.YUYV ? bytes[2 * (y * W + x)] : bytes[y * W + x]) & 0xff;
        }

        int u(int x, int y) {
            if (layout == ImageLayout.GREY) {
                return 128;
            }
            return (layout == ImageLayout.YUYV ? bytes[2 * (y * W + (x & ~1)) + 1]
                    : bytes[W * H + (y / 2) * (W / 2) + x / 2]) & 0xff;
        }

        int v(int x, int y) {
            if (layout == ImageLayout.GREY) {
                return 128;
            }
            return (layout == ImageLayout.YUYV ? bytes[2 * (y * W + (x & ~1)) + 3]
                    : bytes[W * H * 5 / 4 + (y / 2) * (W / 2) + x / 2]) & 0xff;
        }
    }
}
