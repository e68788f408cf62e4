package org.vigil.kernel.rig;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.FrameWriter;
import org.vigil.kernel.v4l2.MmapOutputStream;
import org.vigil.kernel.v4l2.OutputBuffer;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output half of the binding through the real v4l2loopback driver: frames written with write() or
 * queued from mmap'd output buffers come back byte-exact to a capture stream on the same node.
 */
class LoopbackRoundTripIT {
    private static final PixFormat FORMAT = PixFormat.request(320, 240, FourCC.YUYV);
    private static final int FRAMES = 40;

    @Test
    void writtenFramesArriveByteExact() throws Exception {
        roundTrip(RigNodes.loopback("vigil-a"), false);
    }

    @Test
    void mmapOutputFramesArriveByteExact() throws Exception {
        roundTrip(RigNodes.loopback("vigil-a"), true);
    }

    @Test
    void anExclusiveCapsNodeOffersCaptureOnceAProducerIsAttached() throws Exception {
        Path node = RigNodes.loopback("vigil-b");
        try (V4l2Device viewer = V4l2Device.open(node)) {
            assertTrue(!viewer.currentCapability().canCapture(), "no producer yet: output only");
        }
        roundTrip(node, false);
    }

    private static void roundTrip(Path node, boolean mmap) throws Exception {
        ExecutorService producerThread = Executors.newSingleThreadExecutor();
        try (V4l2Device producerDevice = V4l2Device.open(node)) {
            Producer producer = mmap ? new MmapProducer(producerDevice) : new WriteProducer(producerDevice);
            try (producer) {
                producer.send(0); // a loopback offers capture only once a producer has set it up
                try (V4l2Device viewer = V4l2Device.open(node);
                     CaptureStream stream = CaptureStream.open(viewer, CaptureSettings.defaults())) {
                    Future<?> sending = producerThread.submit(() -> {
                        for (int n = 1; n <= FRAMES; n++) {
                            producer.send(n);
                            Thread.sleep(33);
                        }
                        return null;
                    });
                    List<Integer> received = new ArrayList<>();
                    byte[] copy = new byte[stream.format().sizeImage()];
                    while (received.isEmpty() || received.get(received.size() - 1) < FRAMES) {
                        Frame frame = stream.next();
                        // A loopback consumer's buffer is the driver's ring itself: the producer overwrites it
                        // once the ring wraps, held or not. Copy first, as every real viewer does.
                        assertEquals(copy.length, frame.bytesUsed());
                        frame.data().get(copy);
                        frame.release();
                        received.add(checkFrame(copy));
                    }
                    sending.get(30, TimeUnit.SECONDS);
                    for (int i = 1; i < received.size(); i++) {
                        assertTrue(received.get(i) > received.get(i - 1), "frames out of order: " + received);
                    }
                    assertTrue(received.size() >= FRAMES / 2, "too few frames arrived: " + received);
                }
            }
        } finally {
            producerThread.shutdownNow();
        }
    }

    /** Frame n: byte i is (n * 7 + i) & 0xff, except that the first four bytes hold n (big-endian). */
    static void fill(ByteBuffer image, int n) {
        for (int i = 0; i < image.capacity(); i++) {
            image.put(i, (byte) (n * 7 + i));
        }
        image.order(ByteOrder.BIG_ENDIAN).putInt(0, n);
    }

    /** Checks every byte of a frame made by {@link #fill} and returns its number. */
    private static int checkFrame(byte[] image) {
        int n = ByteBuffer.wrap(image).getInt(0);
        for (int i = 4; i < image.length; i++) {
            if (image[i] != (byte) (n * 7 + i)) {
                throw new AssertionError("frame " + n + " differs at byte " + i);
            }
        }
        return n;
    }

    private interface Producer extends AutoCloseable {
        void send(int n) throws Exception;

        @Override
        void close();
    }

    private static final class WriteProducer implements Producer {
        private final FrameWriter writer;
        private final ByteBuffer image;

        WriteProducer(V4l2Device device) throws Exception {
            writer = FrameWriter.open(device, FORMAT, new Fraction(1, 30), Duration.ofSeconds(2), true);
            image = ByteBuffer.allocateDirect(writer.format().sizeImage());
        }

        @Override
        public void send(int n) throws Exception {
            fill(image, n);
            writer.write(image.clear());
        }

        @Override
        public void close() {
            writer.close();
        }
    }

    private static final class MmapProducer implements Producer {
        private final MmapOutputStream output;

        MmapProducer(V4l2Device device) throws Exception {
            output = MmapOutputStream.open(device, FORMAT, new Fraction(1, 30), 2, Duration.ofSeconds(2));
        }

        @Override
        public void send(int n) throws Exception {
            OutputBuffer buffer = output.acquire();
            ByteBuffer image = buffer.data().slice(0, output.format().sizeImage());
            fill(image, n);
            output.submit(buffer);
        }

        @Override
        public void close() {
            output.close();
        }
    }
}
