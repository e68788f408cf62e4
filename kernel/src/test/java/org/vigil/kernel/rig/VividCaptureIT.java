package org.vigil.kernel.rig;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.kernel.testing.ProcessResources;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.BufferType;
import org.vigil.kernel.v4l2.Capability;
import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.IoMode;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Captures real frames from vivid by mmap and by read(), and checks them down to the pixel. */
class VividCaptureIT {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int FRAMES = 120;

    private Path node;
    private ProcessResources before;

    @BeforeEach
    void findCamera() {
        node = RigNodes.vividCapture();
        before = ProcessResources.now();
    }

    @AfterEach
    void nothingLeaked() {
        ProcessResources after = ProcessResources.now();
        assertEquals(before.descriptorsOn("/dev/video"), after.descriptorsOn("/dev/video"), "descriptors of /dev/video*");
        assertEquals(0, after.mappingsOf("/dev/video"), "mappings of /dev/video*: " + after.deviceMappings());
    }

    @Test
    void queryCapDescribesVivid() throws Exception {
        try (V4l2Device device = V4l2Device.open(node)) {
            Capability cap = device.capability();
            assertEquals("vivid", cap.driver());
            assertEquals("vivid", cap.card());
            assertEquals("platform:vivid-000", cap.busInfo());
            assertTrue(cap.canCapture() && cap.canStream() && cap.canReadWrite(), cap.toString());
            assertTrue(!cap.canOutput(), "the vid-cap node is capture-only");
        }
    }

    @Test
    void mmapCaptureDeliversColourBarsWithIncreasingSequenceAndTime() throws Exception {
        try (V4l2Device device = openColourBars();
             CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults().withMode(IoMode.MMAP))) {
            assertEquals(IoMode.MMAP, stream.mode());
            assertTrue(stream.bufferCount() >= 3, "REQBUFS granted " + stream.bufferCount());
            List<long[]> seen = captureAndCheck(stream);
            assertStrictlyIncreasing(seen);
        }
    }

    @Test
    void mmapFramesAreViewsOfTheDriverBuffersNotCopies() throws Exception {
        try (V4l2Device device = openColourBars();
             CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults().withMode(IoMode.MMAP))) {
            Frame frame = stream.next();
            long address = frame.address();
            List<String> maps = ProcessResources.now().deviceMappings();
            boolean inside = maps.stream().filter(line -> line.contains(" " + node)).anyMatch(line -> {
                String[] range = line.split(" ")[0].split("-");
                return Long.parseUnsignedLong(range[0], 16) <= address && address < Long.parseUnsignedLong(range[1], 16);
            });
            assertTrue(inside, String.format("frame at 0x%x lies in no mapping of %s: %s", address, node, maps));
            frame.release();
        }
    }

    @Test
    void steadyStateCaptureAllocatesNothingOnTheJavaHeap() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (V4l2Device device = openColourBars();
             CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults().withMode(IoMode.MMAP))) {
            for (int i = 0; i < 40; i++) { // warm up: class loading and first calls allocate
                stream.next().release();
            }
            long start = threads.getCurrentThreadAllocatedBytes();
            long checksum = 0;
            for (int i = 0; i < 60; i++) {
                Frame frame = stream.next();
                checksum += frame.data().get(WIDTH);
                frame.release();
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - start;
            assertTrue(allocated < 1024, "60 frames allocated " + allocated + " bytes on the heap (checksum " + checksum + ")");
        }
    }

    @Test
    void readCaptureDeliversTheSameColourBars() throws Exception {
        try (V4l2Device device = openColourBars();
             CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults().withMode(IoMode.READ))) {
            assertEquals(IoMode.READ, stream.mode());
            List<long[]> seen = captureAndCheck(stream);
            assertStrictlyIncreasing(seen);
        }
    }

    @Test
    void heldFramesStayValidAfterCloseAndAreUnmappedOnRelease() throws Exception {
        Frame held;
        try (V4l2Device device = openColourBars()) {
            CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults().withMode(IoMode.MMAP));
            held = stream.next();
            stream.close();
            assertEquals(1, ProcessResources.now().mappingsOf(node.toString()), "only the held buffer stays mapped");
            checkColourBars(held.data(), held.format());
            held.release();
            assertEquals(0, ProcessResources.now().mappingsOf(node.toString()));
        }
    }

    /** Opens vivid with a still 75% colour bar pattern, no OSD text, 640x360 YUYV at 30 fps. */
    private V4l2Device openColourBars() throws Exception {
        V4l2Device device = V4l2Device.open(node);
        device.setControl("test_pattern", 0);
        device.setControl("horizontal_movement", 3);
        device.setControl("osd_text_mode", 2);
        PixFormat format = device.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(WIDTH, HEIGHT, FourCC.YUYV));
        assertEquals(WIDTH * 2, format.bytesPerLine());
        assertEquals(WIDTH * 2 * HEIGHT, format.sizeImage());
        Fraction rate = device.setFrameInterval(BufferType.VIDEO_CAPTURE, new Fraction(1, 30));
        assertEquals(new Fraction(1, 30), rate);
        return device;
    }

    /** Captures FRAMES frames, checks each, and returns {sequence, timestamp} pairs. */
    private List<long[]> captureAndCheck(CaptureStream stream) throws Exception {
        List<long[]> seen = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            Frame frame = stream.next();
            assertEquals(WIDTH * 2 * HEIGHT, frame.bytesUsed(), "bytesused of " + frame);
            assertEquals(frame.bytesUsed(), frame.data().remaining());
            assertTrue(!frame.isCorrupt(), frame + " flagged as corrupt");
            if (i % 10 == 0) {
                checkColourBars(frame.data(), frame.format());
            }
            seen.add(new long[] {frame.sequence(), frame.timestampNanos()});
            frame.release();
        }
        return seen;
    }

    private static void assertStrictlyIncreasing(List<long[]> seen) {
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i)[0] > seen.get(i - 1)[0], "sequence went " + seen.get(i - 1)[0] + " -> " + seen.get(i)[0]);
            assertTrue(seen.get(i)[1] > seen.get(i - 1)[1], "timestamp went " + seen.get(i - 1)[1] + " -> " + seen.get(i)[1]);
        }
    }

    /**
     * vivid's 75% bars are white, yellow, cyan, green, magenta, red, blue, black, each an eighth of the
     * width. Their BT.601 limited-range values follow from R'G'B' in {0, 0.75}; the test pattern
     * generator rounds a little differently, hence the tolerance.
     */
    static void checkColourBars(ByteBuffer image, PixFormat format) {
        double[][] rgb = {{.75, .75, .75}, {.75, .75, 0}, {0, .75, .75}, {0, .75, 0}, {.75, 0, .75}, {.75, 0, 0},
                {0, 0, .75}, {0, 0, 0}};
        int row = format.height() * 3 / 4;
        for (int bar = 0; bar < 8; bar++) {
            int x = (format.width() * (2 * bar + 1) / 16) & ~1; // an even pixel: YUYV pairs start there
            int at = row * format.bytesPerLine() + x * 2;
            double y = 0.299 * rgb[bar][0] + 0.587 * rgb[bar][1] + 0.114 * rgb[bar][2];
            int expectY = (int) Math.round(16 + 219 * y);
            int expectU = (int) Math.round(128 + 224 * (rgb[bar][2] - y) / 1.772);
            int expectV = (int) Math.round(128 + 224 * (rgb[bar][0] - y) / 1.402);
            int actualY = image.get(at) & 0xff;
            int actualU = image.get(at + 1) & 0xff;
            int actualV = image.get(at + 3) & 0xff;
            String where = "bar " + bar + " at (" + x + "," + row + ")";
            assertNear(expectY, actualY, where + " Y");
            assertNear(expectU, actualU, where + " U");
            assertNear(expectV, actualV, where + " V");
        }
    }

    private static void assertNear(int expected, int actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 3, what + ": expected about " + expected + ", got " + actual);
    }

}
