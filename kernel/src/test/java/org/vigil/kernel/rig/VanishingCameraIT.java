package org.vigil.kernel.rig;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.testing.ProcessResources;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.BufferType;
import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.DeviceVanishedException;
import org.vigil.kernel.v4l2.Fault;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unbinds vivid's platform device mid-stream, the closest a virtual camera comes to being unplugged,
 * and binds it again afterwards so other tests still find it.
 */
class VanishingCameraIT {
    private static final Path DRIVER = Path.of("/sys/bus/platform/drivers/vivid");

    @Test
    void aCameraThatVanishesMidStreamIsReportedAndNothingLeaks() throws Exception {
        Path node = RigNodes.vividCapture();
        ProcessResources before = ProcessResources.now();
        try {
            try (V4l2Device device = V4l2Device.open(node)) {
                device.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(320, 180, FourCC.YUYV));
                try (CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults())) {
                    Frame held = stream.next();
                    Frame closedLater = stream.next();
                    Files.writeString(DRIVER.resolve("unbind"), "vivid.0");
                    DeviceVanishedException gone = assertThrows(DeviceVanishedException.class, () -> {
                        for (int i = 0; i < stream.bufferCount() + 1; i++) { // frames already done may still come out
                            stream.next().release();
                        }
                    });
                    assertTrue(gone.getMessage().startsWith(node + ": "), gone.getMessage());
                    assertTrue(gone.getMessage().contains("the device has gone"), gone.getMessage());
                    DeviceVanishedException requeue = assertThrows(DeviceVanishedException.class, held::release);
                    assertEquals("VIDIOC_QBUF", requeue.call());
                    closedLater.close(); // in a finally block: must not throw, the next next() reports it
                    closedLater.close();
                    assertEquals(0, stream.framesHeld(), "a frame that could not be queued back is no longer held");
                    DeviceVanishedException kept = assertThrows(DeviceVanishedException.class, stream::next);
                    assertEquals("VIDIOC_QBUF", kept.call(), "the failure close() met, reported by next()");
                    assertEquals(Fault.GONE, kept.fault());
                }
            }
            ProcessResources after = ProcessResources.now();
            assertEquals(before.descriptorsOn("/dev/video"), after.descriptorsOn("/dev/video"));
            assertEquals(0, after.mappingsOf("/dev/video"), after.deviceMappings().toString());
        } finally {
            if (!Files.exists(DRIVER.resolve("vivid.0"))) {
                Files.writeString(DRIVER.resolve("bind"), "vivid.0");
            }
        }
        assertEquals(node, RigNodes.vividCapture(), "vivid is back after rebinding");
    }
}
