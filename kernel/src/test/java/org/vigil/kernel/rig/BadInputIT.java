package org.vigil.kernel.rig;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.kernel.libc.Errno;
import org.vigil.kernel.testing.ProcessResources;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.BufferType;
import org.vigil.kernel.v4l2.CannotCaptureException;
import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.DeviceBusyException;
import org.vigil.kernel.v4l2.DeviceNotFoundException;
import org.vigil.kernel.v4l2.FormatRejectedException;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.FrameTimeoutException;
import org.vigil.kernel.v4l2.FrameWriter;
import org.vigil.kernel.v4l2.IoMode;
import org.vigil.kernel.v4l2.NotAV4l2DeviceException;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad-input case against the real drivers: a typed error, a message that says what to do, nothing leaked. */
class BadInputIT {
    private ProcessResources before;

    @BeforeEach
    void snapshot() {
        before = ProcessResources.now();
    }

    @AfterEach
    void nothingLeaked() {
        ProcessResources after = ProcessResources.now();
        assertEquals(before.descriptorsOn("/dev/"), after.descriptorsOn("/dev/"), "descriptors of /dev/*: "
                + after.descriptorTargets());
        assertEquals(0, after.mappingsOf("/dev/video"), "mappings of /dev/video*: " + after.deviceMappings());
    }

    @Test
    void aPathThatDoesNotExist() {
        DeviceNotFoundException e = assertThrows(DeviceNotFoundException.class, () -> V4l2Device.open("/dev/video42"));
        assertTrue(e.getMessage().startsWith("/dev/video42: no such video device"), e.getMessage());
    }

    @Test
    void aCharacterDeviceThatIsNotV4l2() {
        NotAV4l2DeviceException e = assertThrows(NotAV4l2DeviceException.class, () -> V4l2Device.open("/dev/null"));
        assertEquals(Errno.ENOTTY, e.errnoName());
    }

    @Test
    void anOutputOnlyNodeCannotCapture() throws Exception {
        Path output = RigNodes.vividOutput();
        try (V4l2Device device = V4l2Device.open(output)) {
            CannotCaptureException e = assertThrows(CannotCaptureException.class,
                    () -> CaptureStream.open(device, CaptureSettings.defaults()));
            assertTrue(e.getMessage().contains("this node cannot capture video") && e.getMessage().contains("an output node"),
                    e.getMessage());
            assertTrue(e.remedy().contains("pick a capture node"), e.remedy());
        }
    }

    @Test
    void aLoopbackWithoutProducerCannotCapture() throws Exception {
        for (String label : new String[] {"vigil-a", "vigil-b"}) { // exclusive_caps=0 and =1 fail differently inside
            try (V4l2Device device = V4l2Device.open(RigNodes.loopback(label))) {
                CannotCaptureException e = assertThrows(CannotCaptureException.class,
                        () -> CaptureStream.open(device, CaptureSettings.defaults()));
                assertTrue(e.getMessage().contains("has no producer yet"), label + ": " + e.getMessage());
            }
        }
    }

    @Test
    void aFormatTheDeviceRefusesLeavesTheDeviceUsable() throws Exception {
        try (V4l2Device device = V4l2Device.open(RigNodes.vividCapture())) {
            FormatRejectedException e = assertThrows(FormatRejectedException.class,
                    () -> device.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(1000, 1000, FourCC.YUYV)));
            assertTrue(e.getMessage().contains("choose one the device offers: YUYV: 320x180"), e.getMessage());
            device.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(320, 180, FourCC.YUYV));
            try (CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults())) {
                stream.next().release();
            }
        }
    }

    @Test
    void aDeviceStreamingToSomeoneElseIsBusy() throws Exception {
        Path node = RigNodes.vividCapture();
        try (V4l2Device owner = V4l2Device.open(node);
             V4l2Device intruder = V4l2Device.open(node)) {
            owner.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(320, 180, FourCC.YUYV));
            try (CaptureStream stream = CaptureStream.open(owner, CaptureSettings.defaults())) {
                stream.next().release();
                DeviceBusyException busy = assertThrows(DeviceBusyException.class,
                        () -> CaptureStream.open(intruder, CaptureSettings.defaults().withMode(IoMode.MMAP)));
                assertEquals("VIDIOC_REQBUFS", busy.call());
                assertEquals(Errno.EBUSY, busy.errnoName());
                assertTrue(busy.getMessage().contains("another program is using this device")
                        && busy.remedy().contains("fuser -v " + node), busy.getMessage());
                DeviceBusyException format = assertThrows(DeviceBusyException.class,
                        () -> intruder.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(640, 360, FourCC.YUYV)));
                assertEquals("VIDIOC_S_FMT", format.call());
                stream.next().release(); // the owner is unharmed
            }
        }
    }

    @Test
    void aStalledDeviceIsReportedNotWaitedOnForever() throws Exception {
        Path loopback = RigNodes.loopback("vigil-a");
        PixFormat format = PixFormat.request(320, 240, FourCC.YUYV);
        try (V4l2Device producerDevice = V4l2Device.open(loopback);
             FrameWriter producer = FrameWriter.open(producerDevice, format, new Fraction(1, 30), Duration.ofSeconds(2), true);
             V4l2Device consumer = V4l2Device.open(loopback)) {
            ByteBuffer image = ByteBuffer.allocateDirect(producer.format().sizeImage());
            producer.write(image);
            try (CaptureStream stream = CaptureStream.open(consumer,
                    CaptureSettings.defaults().withTimeout(Duration.ofMillis(700)))) {
                producer.write(image.clear());
                FrameTimeoutException stalled = assertThrows(FrameTimeoutException.class, () -> {
                    for (int i = 0; i < 3; i++) { // at most the frames written so far arrive, then nothing
                        Frame frame = stream.next();
                        frame.release();
                    }
                });
                assertEquals(700, stalled.timeoutMillis());
                assertTrue(stalled.getMessage().contains("no frame arrived within 700 ms (poll)"), stalled.getMessage());
            }
        }
    }
}
