package org.vigil.vloop.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's own checks, before any device is touched. */
class PushToPipeTest {

    @Test
    void helpPrintsTheOptions() {
        Run run = run("--help");
        assertEquals(0, run.status);
        assertTrue(run.out.contains("--pipe=any|label:NAME|/dev/videoN") && run.out.contains("--raw=FILE"), run.out);
    }

    @Test
    void wrongUsageSaysWhatIsWrongAndExitsWithTwo() {
        assertUsage(run("--size", "640"), "--size wants WIDTHxHEIGHT, e.g. 640x480");
        assertUsage(run("--fps", "0"), "--fps wants a whole number from 1 to 240, not '0'");
        assertUsage(run("--format", "rgb"), "'rgb' is not one of yuyv | yu12 | grey");
        assertUsage(run("--loop"), "--loop goes with --raw");
        assertUsage(run("--bogus"), "Unknown option: '--bogus'");
        assertUsage(run("--raw-layout", "hsv"), "--raw-layout wants one of yuyv, uyvy, i420, nv12, grey, bgr, rgb, not 'hsv'");
        assertUsage(run("--size", "321x240", "--format", "yu12"), "pipe format YU12: I420 (planar 4:2:0, V4L2 YU12) "
                + "needs an even width and height");
    }

    @Test
    void aRawFileThatCannotBeReadIsNamed() {
        Run run = run("--raw", "/nonexistent/frames.yuv", "--pipe", "/nonexistent/video99");
        assertEquals(1, run.status, run.err);
        assertTrue(run.err.startsWith("push-to-pipe: "), run.err);
    }

    private static void assertUsage(Run run, String message) {
        assertEquals(2, run.status, run.err);
        assertTrue(run.err.contains(message), run.err);
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PushToPipe.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
