package org.vigil.vloop.rig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vigil.kernel.testing.NothingLeaked;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.Capability;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.vloop.LoopbackWriter;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.PipeSettings;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * exclusive_caps=1, the setting Chrome and WebRTC need (vigil-b in the rig): the node shows only output until a
 * producer attaches, then only capture, and every viewer reads it. When vigil closes, the node offers output again,
 * so vigil can come back in either mode (v4l2loopback 0.12.7 loses it after a producer that never streamed on).
 */
@ExtendWith(NothingLeaked.class)
class ExclusiveCapsIT {
    @Test
    void viewersSeeACaptureDeviceOnceVigilWritesAndReadItByteExact() throws Exception {
        Path b = RigNodes.loopback("vigil-b");
        try (V4l2Device probe = V4l2Device.open(b)) {
            Capability idle = probe.currentCapability();
            assertTrue(idle.canOutput() && !idle.canCapture(), "before a producer: output only");
            PipeSettings settings = PipeClientsIT.settings(b, OutputMode.DEFAULT, PipeFormat.YUYV);
            try (LoopbackWriter writer = LoopbackWriter.open(settings, settings.format().layout())) {
                Capability attached = probe.currentCapability();
                assertTrue(attached.canCapture() && !attached.canOutput(), "with vigil attached: capture only, "
                        + "which is what makes browsers list it as a camera");
                PipeClientsIT.readBackByEveryViewer(writer);
            }
            assertTrue(probe.currentCapability().canOutput(), "output again once vigil has gone");
        }
    }

    @Test
    void vigilComesBackInEitherModeAfterClosing() throws Exception {
        Path b = RigNodes.loopback("vigil-b");
        for (int round = 0; round < 2; round++) {
            for (OutputMode mode : new OutputMode[] {OutputMode.WRITE, OutputMode.MMAP}) {
                PipeSettings settings = PipeClientsIT.settings(b, mode, PipeFormat.YUYV);
                try (LoopbackWriter writer = LoopbackWriter.open(settings, settings.format().layout())) {
                    writer.write(ByteBuffer.allocateDirect(settings.imageBytes()));
                }
                try (V4l2Device probe = V4l2Device.open(b)) {
                    Capability after = probe.currentCapability();
                    assertTrue(after.canOutput(), "round " + round + ", " + mode + ": output offered again");
                    assertFalse(after.canCapture(), "nobody holds the node: no capture");
                }
            }
        }
    }
}
