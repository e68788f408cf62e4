package org.vigil.kernel.rig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vigil.kernel.testing.NothingLeaked;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.BufferType;
import org.vigil.kernel.v4l2.BuffersExhaustedException;
import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.Fault;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.FrameWriter;
import org.vigil.kernel.v4l2.IoMode;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.kernel.v4l2.Wakeup;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a capture loop relies on: frames closed in finally, a clear error when it holds them all, a wait it can cut short. */
@ExtendWith(NothingLeaked.class)
class FrameLifecycleIT {

    @Test
    void closingAFrameTwiceGivesItBackOnce() throws Exception {
        for (IoMode mode : List.of(IoMode.MMAP, IoMode.READ)) {
            try (V4l2Device device = vivid(); CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults().withMode(mode))) {
                Frame frame = stream.next();
                assertEquals(1, stream.framesHeld(), mode + ": lent");
                frame.close();
                frame.close();
                assertEquals(0, stream.framesHeld(), mode + ": given back once");
                assertThrows(IllegalStateException.class, frame::release, mode + ": an explicit second release is a bug");
                try (Frame next = stream.next()) {
                    assertTrue(next.bytesUsed() > 0, mode + ": the stream goes on");
                }
            }
        }
    }

    @Test
    void holdingEveryBufferIsAClearErrorAndTheStreamRecovers() throws Exception {
        for (IoMode mode : List.of(IoMode.MMAP, IoMode.READ)) {
            try (V4l2Device device = vivid(); CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults().withMode(mode))) {
                List<Frame> held = new ArrayList<>();
                for (int i = 0; i < stream.bufferCount(); i++) {
                    held.add(stream.next());
                }
                BuffersExhaustedException e = assertThrows(BuffersExhaustedException.class, stream::next, mode.name());
                assertEquals(Fault.TRANSIENT, e.fault());
                assertTrue(e.getMessage().startsWith(device.path() + ": all " + stream.bufferCount() + " buffers are held"),
                        e.getMessage());
                held.forEach(Frame::close);
                try (Frame next = stream.next()) {
                    assertTrue(next.bytesUsed() > 0, mode + ": frames flow again once released");
                }
            }
        }
    }

    @Test
    void aWakeupEndsTheWaitForAStalledCameraAtOnce() throws Exception {
        Path loopback = RigNodes.loopback("vigil-a");
        PixFormat format = PixFormat.request(320, 240, FourCC.YUYV);
        ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor();
        try (Wakeup wakeup = Wakeup.create();
             V4l2Device producerDevice = V4l2Device.open(loopback);
             FrameWriter producer = FrameWriter.open(producerDevice, format, new Fraction(1, 30), Duration.ofSeconds(2), true);
             V4l2Device consumer = V4l2Device.open(loopback)) {
            ByteBuffer image = ByteBuffer.allocateDirect(producer.format().sizeImage());
            producer.write(image);
            CaptureSettings settings = CaptureSettings.defaults().withTimeout(Duration.ofSeconds(60)).withWakeup(wakeup);
            try (CaptureStream stream = CaptureStream.open(consumer, settings)) {
                producer.write(image.clear());
                waker.schedule(wakeup::wake, 300, TimeUnit.MILLISECONDS);
                long started = System.nanoTime();
                Frame frame;
                while ((frame = stream.next()) != null) { // the frames written so far, then a wait with nothing coming
                    frame.close();
                }
                assertNull(frame);
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30), "woken, not timed out");
                producer.write(image.clear());
                try (Frame after = stream.next()) {
                    assertNotNull(after, "a drained wakeup does not wake the next wait");
                }
            }
        } finally {
            waker.shutdownNow();
        }
    }

    private static V4l2Device vivid() throws Exception {
        V4l2Device device = V4l2Device.open(RigNodes.vividCapture());
        device.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(320, 180, FourCC.YUYV));
        return device;
    }
}
