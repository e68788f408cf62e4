package org.vigil.core.rig;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.vigil.core.cli.Vigil;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vigil devices` against the rig's real nodes, with one loopback pipe held by ffmpeg. */
@Order(5)
class DevicesIT {

    @Test
    void everyNodeWithItsFormatsControlsAndWhoHoldsThePipes() throws Exception {
        Path held = RigVideo.loopback("cam-a");
        try (FfmpegCamera camera = FfmpegCamera.start(Footage.vtest(), held, List.of("-pix_fmt", "yuyv422"))) {
            Thread.sleep(3000); // ffmpeg has set the pipe's format
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = Vigil.run(new String[] {"devices"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            String text = out.toString(StandardCharsets.UTF_8);
            System.out.println(text);
            assertEquals(0, status);
            Path vivid = RigVideo.vivid(0);
            assertTrue(text.contains(vivid + "  vivid  'vivid'  platform:vivid-000  capture"), text);
            assertTrue(text.contains("  YUYV (YUYV 4:2:2)"), text);
            assertTrue(text.lines().anyMatch(line -> line.matches("    640x480 at .*\\d+ fps.*")), text);
            assertTrue(text.lines().anyMatch(line -> line.matches("    brightness = \\d+  \\[0\\.\\.255, default 128\\]")), text);
            assertTrue(text.lines().anyMatch(line -> line.matches("    horizontal_movement = \\d+  \\[0\\.\\.6, default 3\\]  0: Move Left Fast.*")),
                    text);
            assertTrue(text.contains(held + "  v4l2 loopback  'cam-a'"), text);
            assertTrue(text.contains("  loopback pipe: held by another producer (YUYV:768x576"), text);
            assertTrue(text.contains("  held by: ffmpeg (pid "), text);
            assertTrue(text.contains(RigVideo.loopback("feed-d") + "  v4l2 loopback  'feed-d'"), text);
            assertTrue(text.contains("  loopback pipe: free"), text);
        }
    }
}
