package org.vigil.core.devices;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.kernel.v4l2.Capability;
import org.vigil.kernel.v4l2.VideoNode;
import org.vigil.vloop.LoopbackModule;
import org.vigil.vloop.PipeFinder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What `vigil devices` says without a pipe, and about a node it cannot open (the rig's DevicesIT shows real nodes). */
class DeviceReportTest {
    private static final int CAPTURE = 0x00000001 | 0x04000000; // V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_STREAMING

    @Test
    void withoutAPipeItGivesTheModprobeLineThatMakesOne(@TempDir Path dir) throws Exception {
        Path node = Files.createFile(dir.resolve("video0"));
        VideoNode camera = new VideoNode(node, "Integrated Camera", new Capability("uvcvideo", "Integrated Camera",
                "usb-0000:00:14.0-8", 0x60100, CAPTURE, CAPTURE), null);
        VideoNode broken = new VideoNode(dir.resolve("video1"), "?", null, "cannot open the device (open: EACCES)");
        PipeFinder finder = new PipeFinder(() -> List.of(camera, broken),
                new LoopbackModule(dir.resolve("sys/class/video4linux"), dir.resolve("sys/module/v4l2loopback")));
        StringWriter text = new StringWriter();
        new DeviceReport(new PrintWriter(text, true)).print(List.of(camera, broken), finder);
        String out = text.toString();
        assertTrue(out.contains(node + "  uvcvideo  'Integrated Camera'  usb-0000:00:14.0-8  capture"), out);
        assertTrue(out.contains("  " + node + ": a regular file, not a V4L2 video device"), out);
        assertTrue(out.contains(dir.resolve("video1") + "  '?'  cannot be opened: cannot open the device (open: EACCES)"), out);
        assertTrue(out.contains("no v4l2loopback pipe for the annotated feed; ")
                && out.contains("modprobe v4l2loopback devices=1 video_nr=10 card_label=vigil exclusive_caps=1"), out);
    }
}
