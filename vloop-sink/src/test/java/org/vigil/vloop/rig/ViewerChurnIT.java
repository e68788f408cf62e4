package org.vigil.vloop.rig;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.kernel.testing.NothingLeaked;
import org.vigil.kernel.testing.ExternalCommand;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.vloop.LoopbackSink;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeChoice;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.PipeSettings;
import org.vigil.vloop.SinkCounters;
import org.vigil.vloop.image.ImageLayout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A viewer opens and closes the pipe 100 times while vigil writes at 30 fps: v4l2-ctl, run a hundred times, every
 * other time streaming one frame (as a viewer does when it starts) and otherwise reading the format and leaving.
 * No write fails or drops, and no accept() is held up (asleep) for longer than a frame period.
 */
@ExtendWith(NothingLeaked.class)
class ViewerChurnIT {
    private static final int FPS = 30;
    private static final int OPENINGS = 100;

    @ParameterizedTest
    @EnumSource(value = OutputMode.class, names = {"WRITE", "MMAP"})
    void viewersComingAndGoingNeverCostTheWriterAFrame(OutputMode mode) throws Exception {
        Path a = RigNodes.loopback("vigil-a");
        PipeSettings settings = new PipeSettings(new PipeChoice.Node(a), mode, PipeFormat.YUYV, 640, 480,
                Fraction.perSecond(FPS));
        int bytes = settings.imageBytes();
        Path frames = Files.createTempDirectory("vigil-churn");
        PacedWriter.Run run;
        try (LoopbackSink sink = LoopbackSink.open("churn", settings, ImageLayout.YUYV)) {
            PacedWriter writer = new PacedWriter(sink, bytes, FPS);
            writer.run(0, 2 * FPS, 2 * FPS, () -> true); // a producer is there before the first viewer comes
            CompletableFuture<String> churn = CompletableFuture.supplyAsync(() -> churn(a, frames));
            run = writer.run(1_000, 2 * FPS, 300 * FPS, churn::isDone);
            churn.get(10, TimeUnit.SECONDS);
            assertEquals(new SinkCounters(2 * FPS + run.frames(), 0, 0, 0), sink.counters(),
                    "every frame written, none dropped, the pipe never down");
        }
        List<Integer> seen = new ArrayList<>();
        try (Stream<Path> files = Files.list(frames)) {
            for (Path file : files.sorted((x, y) -> Integer.compare(number(x), number(y))).toList()) {
                byte[] data = Files.readAllBytes(file);
                assertEquals(bytes, data.length, file + ": one whole frame");
                seen.add(NumberedFrames.checkStamped(data, 0, bytes));
                Files.delete(file);
            }
        } finally {
            Files.deleteIfExists(frames);
        }
        System.out.println(mode + " under churn: " + run.summary() + "; the viewers saw frames " + seen);
        assertEquals(OPENINGS / 2, seen.size(), "every streaming viewer got a frame");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "later viewers never see older frames: " + seen);
        }
        // What the churn could cost the writer is an accept() held up in the driver while a viewer opens or closes:
        // time the writer spends asleep inside the call. Wall time inside accept() also counts waiting for a CPU,
        // which under emulation, with 100 process starts on two guest CPUs, reached 39 ms once (a CI run); with the
        // sleep measured, runs showed 15 ms of wall time and at most 2.7 ms asleep. So the wall figures are printed
        // and the sleep is judged; a 40 ms park put into accept() on purpose fails this.
        assertTrue(run.maxAsleepNanos() <= run.periodNanos(), "an accept() was held up longer than a frame: "
                + run.summary());
    }

    /**
     * Runs the viewers one after another, each a process of its own as real viewers are, from one shell loop: the
     * test's JVM then does nothing but write while they come and go (its own garbage would pause the writer). The
     * loop runs at nice 19: under emulation a process start costs a guest CPU for tens of milliseconds, and with two
     * of them the writer's thread was once left waiting for a CPU beyond a frame period (36.8 ms, while no accept()
     * took over 11.1 ms). What is under test is whether opening and closing the pipe holds the writer up in the
     * driver, which CPU time given to the viewers first would hide no more than it does on a real machine's cores.
     */
    private static String churn(Path node, Path frames) {
        String loop = "i=0; while [ $i -lt " + OPENINGS + " ]; do "
                + "if [ $((i % 2)) -eq 0 ]; then v4l2-ctl -d \"$1\" --stream-mmap=32 --stream-count=1 --stream-to=\"$2/$i.raw\" "
                + "|| exit 1; else v4l2-ctl -d \"$1\" --get-fmt-video > /dev/null || exit 1; fi; i=$((i + 1)); done";
        try {
            return ExternalCommand.run(List.of("nice", "-n", "19", "sh", "-c", loop, "churn", node.toString(),
                    frames.toString()), 600);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int number(Path file) {
        return Integer.parseInt(file.getFileName().toString().replace(".raw", ""));
    }
}
