package org.vigil.vloop.rig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencv.core.Rect;
import org.vigil.kernel.testing.NothingLeaked;
import org.vigil.kernel.testing.ExternalCommand;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.vloop.LoopbackModule;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.cli.PushToPipe;
import org.vigil.vloop.cli.TestPattern;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line entry pushing its test pattern and a raw file into a pipe, watched by v4l2-ctl. */
@ExtendWith(NothingLeaked.class)
class PushToPipeIT {
    @Test
    void theTestPatternCarriesItsFrameNumberToTheViewer() throws Exception {
        Path m = RigNodes.loopback("vigil-m");
        byte[] data = whilePushing(m, 6, PipeFormat.YU12, "--pipe", "label:vigil-m", "--size", "320x240", "--fps", "10",
                "--format", "yu12", "--frames", "600");
        int frameBytes = PipeFormat.YU12.imageBytes(320, 240);
        List<Integer> numbers = new ArrayList<>();
        for (int offset = 0; offset < data.length; offset += frameBytes) {
            numbers.add(counter(data, offset, 320, 240));
        }
        for (int i = 1; i < numbers.size(); i++) {
            assertEquals(numbers.get(i - 1) + 1, numbers.get(i), "pattern frames in order, none lost: " + numbers);
        }
    }

    @Test
    void aRawFileIsPushedFrameByFrameAndLooped() throws Exception {
        Path m = RigNodes.loopback("vigil-m");
        int bytes = PipeFormat.YUYV.imageBytes(320, 240);
        Path raw = Files.createTempFile("vigil-frames", ".yuyv");
        try {
            ByteBuffer frame = ByteBuffer.allocate(bytes);
            try (var out = Files.newOutputStream(raw)) {
                for (int n = 1; n <= 4; n++) {
                    NumberedFrames.fill(frame, bytes, n);
                    out.write(frame.array());
                }
            }
            byte[] data = whilePushing(m, 6, PipeFormat.YUYV, "--pipe", m.toString(), "--size", "320x240", "--fps",
                    "10", "--raw", raw.toString(), "--loop", "--frames", "600", "--mode", "write");
            List<Integer> numbers = new ArrayList<>();
            for (int offset = 0; offset < data.length; offset += bytes) {
                numbers.add(NumberedFrames.check(data, offset, bytes));
            }
            for (int i = 1; i < numbers.size(); i++) {
                assertEquals(numbers.get(i - 1) % 4 + 1, numbers.get(i), "the file's frames in turn: " + numbers);
            }
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    @Test
    void listShowsEveryPipeAndWhetherItIsFree() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, PushToPipe.run(new String[] {"--list"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains(RigNodes.loopback("vigil-a") + " 'vigil-a': free")
                && text.contains("'vigil-b': free") && text.contains("'vigil-m': free"), text);
    }

    /** Runs the command in this JVM while v4l2-ctl saves {@code frames} frames from the pipe, then stops it. */
    private static byte[] whilePushing(Path node, int frames, PipeFormat format, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int[] status = {-1};
        Thread pushing = new Thread(() -> status[0] = PushToPipe.run(args, print, print), "PushToPipe");
        pushing.start();
        Path file = Files.createTempFile("vigil-push", ".raw");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600); // the pattern loads OpenCV first
            while (LoopbackModule.system().fixedFormat(node).isEmpty()) {
                assertTrue(pushing.isAlive() && System.nanoTime() < deadline, "PushToPipe did not start: " + out);
                Thread.sleep(100);
            }
            ExternalCommand.run(Viewer.V4L2_CTL.command(node, format, 320, 240, frames, file), 120);
            byte[] data = Files.readAllBytes(file);
            assertEquals(frames * format.imageBytes(320, 240), data.length);
            return data;
        } finally {
            pushing.interrupt();
            pushing.join(TimeUnit.SECONDS.toMillis(30));
            Files.deleteIfExists(file);
            assertEquals(0, status[0], "PushToPipe's exit status; its output:\n" + out);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("watch it with:"), out.toString(StandardCharsets.UTF_8));
        }
    }

    /** Reads the frame number from the pattern's black and white blocks in the luma plane. */
    private static int counter(byte[] data, int offset, int width, int height) {
        int n = 0;
        for (int bit = 0; bit < TestPattern.COUNTER_BITS; bit++) {
            Rect block = TestPattern.counterBlock(bit, width, height);
            int luma = data[offset + (block.y + block.height / 2) * width + block.x + block.width / 2] & 0xff;
            if (luma > 128) {
                n |= 1 << bit;
            }
        }
        return n;
    }
}
