package org.vigil.vloop.rig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vigil.kernel.testing.NothingLeaked;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.vloop.LoopbackSink;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeChoice;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.PipeSettings;
import org.vigil.vloop.SinkCounters;
import org.vigil.vloop.image.ImageLayout;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sink against a pipe that is not there for it: frames drop and count without ever blocking the caller, the
 * problem is reported once, and the pipe is taken as soon as it is free, with viewers reading what follows.
 */
@ExtendWith(NothingLeaked.class)
class ReopenIT {
    private static final int FPS = 30;

    @Test
    void aPipeHeldByAnotherProducerIsTakenOnceItIsFree() throws Exception {
        Path m = RigNodes.loopback("vigil-m");
        PipeSettings settings = new PipeSettings(new PipeChoice.Node(m), OutputMode.DEFAULT, PipeFormat.YUYV, 320, 240,
                Fraction.perSecond(FPS));
        int bytes = settings.imageBytes();
        ExternalProducer ffmpeg = ExternalProducer.ffmpeg(m, 640, 480);
        try (LoopbackSink sink = LoopbackSink.open("reopen", settings, ImageLayout.YUYV)) {
            assertFalse(sink.isUp(), "held by ffmpeg with another size");
            PacedWriter writer = new PacedWriter(sink, bytes, FPS);
            PacedWriter.Run down = writer.run(0, 2 * FPS, 2 * FPS, () -> true);
            System.out.println("while held: " + down.summary());
            // Held means asleep in accept(): waiting on the reopen, or on a lock it holds.
            assertTrue(down.maxAsleepNanos() < down.periodNanos(), "a down pipe never holds the caller: "
                    + down.summary());
            SinkCounters whileHeld = sink.counters();
            assertEquals(0, whileHeld.written());
            assertEquals(2 * FPS, whileHeld.dropped());
            assertTrue(whileHeld.reopenAttempts() >= 1 && whileHeld.reopenAttempts() <= 3,
                    "retries spaced by the backoff: " + whileHeld);

            ffmpeg.close();
            ByteBuffer image = ByteBuffer.allocateDirect(bytes);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            int n = 0;
            while (!sink.isUp() && System.nanoTime() < deadline) {
                NumberedFrames.fill(image, bytes, n++);
                sink.accept(image);
                Thread.sleep(1000 / FPS);
            }
            assertTrue(sink.isUp(), "taken within the backoff once free: " + sink.counters());
            // the numbers go on from the frame that took the pipe: a viewer that starts gets the newest frame first
            // (the driver's rule), which is that one when the viewer is quicker to start than the next frame
            ViewerRun.Result result = ViewerRun.run(Viewer.V4L2_CTL, m, PipeFormat.YUYV, 320, 240, 5, k -> {
                NumberedFrames.fill(image, bytes, k);
                sink.accept(image);
            }, n, 100);
            ViewerRun.requireConsecutive(Viewer.V4L2_CTL, result, 5);
            assertEquals(1, sink.counters().outages());
        } finally {
            ffmpeg.close();
        }
    }

    @Test
    void aPipeThatDoesNotExistDropsFramesWithoutHoldingTheCaller() throws Exception {
        PipeSettings settings = PipeSettings.of(320, 240).withChoice(new PipeChoice.Labelled("porch"));
        try (LoopbackSink sink = LoopbackSink.open("missing", settings, ImageLayout.YUYV)) {
            PacedWriter writer = new PacedWriter(sink, settings.imageBytes(), FPS);
            writer.run(0, FPS, FPS, () -> true); // warm: the timed run should time the sink, not class loading or the JIT
            PacedWriter.Run run = writer.run(FPS, FPS, FPS, () -> true);
            System.out.println("with no pipe: " + run.summary());
            assertTrue(run.maxAsleepNanos() < run.periodNanos(), "a missing pipe never holds the caller: "
                    + run.summary());
            SinkCounters counters = sink.counters();
            assertEquals(2 * FPS, counters.dropped());
            assertEquals(1, counters.outages());
        }
    }
}
