package org.vigil.vloop.rig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.kernel.testing.NothingLeaked;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.vloop.LoopbackSink;
import org.vigil.vloop.LoopbackWriter;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeChoice;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.PipeSettings;
import org.vigil.vloop.SinkCounters;
import org.vigil.vloop.image.ImageLayout;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Viewers that do not keep up never hold the writer back, and do not see the newest frame overwritten under them. */
@ExtendWith(NothingLeaked.class)
class SlowViewerIT {
    private static final int FPS = 30;

    @Test
    void aViewerThatStopsReadingCostsTheWriterNothing() throws Exception {
        Path a = RigNodes.loopback("vigil-a");
        PipeSettings settings = new PipeSettings(new PipeChoice.Node(a), OutputMode.DEFAULT, PipeFormat.YUYV, 640, 480,
                Fraction.perSecond(FPS));
        int bytes = settings.imageBytes();
        try (LoopbackSink sink = LoopbackSink.open("slow viewer", settings, ImageLayout.YUYV);
             V4l2Device viewer = V4l2Device.open(a)) {
            PacedWriter writer = new PacedWriter(sink, bytes, FPS);
            writer.run(0, 2 * FPS, 2 * FPS, () -> true); // warm: the timed run below should time the sink, not the JIT
            try (CaptureStream stream = CaptureStream.open(viewer, CaptureSettings.defaults())) {
                byte[] copy = new byte[bytes];
                Frame first = stream.next();
                first.data().get(copy, 0, bytes);
                first.release();
                NumberedFrames.checkStamped(copy, 0, bytes);
                // The viewer stops reading for three seconds; the writer goes on at full rate.
                PacedWriter.Run stalled = writer.run(100, 3 * FPS, 3 * FPS, () -> true);
                System.out.println("with a stalled viewer: " + stalled.summary());
                // Held back means asleep in accept(), waiting for the viewer; wall time would also count the emulated
                // machine's CPU waits, so it is printed, not judged.
                assertTrue(stalled.maxAsleepNanos() <= stalled.periodNanos(), "the writer waited for the viewer: "
                        + stalled.summary());
                Frame resumed = stream.next();
                resumed.data().get(copy, 0, bytes);
                resumed.release();
                int n = NumberedFrames.checkStamped(copy, 0, bytes);
                assertTrue(n >= 100 + 3 * FPS - 4, "the viewer resumes near the newest frame, not at old ones: " + n);
            }
            assertEquals(new SinkCounters(2 * FPS + 3 * FPS, 0, 0, 0), sink.counters());
        }
    }

    /**
     * v4l2loopback's own DQBUF(OUTPUT) returns the buffer just queued, so an mmap producer following it would render
     * the next frame into the one a viewer is reading; vigil takes the oldest buffer instead, as write() does.
     */
    @ParameterizedTest
    @EnumSource(value = OutputMode.class, names = {"WRITE", "MMAP"})
    void aViewerHoldingTheNewestFrameKeepsItWhileTheNextIsWritten(OutputMode mode) throws Exception {
        Path m = RigNodes.loopback("vigil-m");
        PipeSettings settings = new PipeSettings(new PipeChoice.Node(m), mode, PipeFormat.YUYV, 320, 240,
                Fraction.perSecond(FPS));
        int bytes = settings.imageBytes();
        ByteBuffer image = ByteBuffer.allocateDirect(bytes);
        try (LoopbackWriter writer = LoopbackWriter.open(settings, ImageLayout.YUYV);
             V4l2Device viewer = V4l2Device.open(m)) {
            // More frames than the pipe has buffers (max_buffers=4 in the rig), so that every buffer has been queued
            // once and the mmap producer's next one comes back through DQBUF, not from the never-queued ones.
            int last = 8;
            for (int n = 1; n <= last; n++) {
                NumberedFrames.fill(image, bytes, n);
                writer.write(image);
            }
            try (CaptureStream stream = CaptureStream.open(viewer, CaptureSettings.defaults())) {
                Frame newest = stream.next();
                byte[] copy = new byte[bytes];
                newest.data().get(0, copy, 0, bytes);
                assertEquals(last, NumberedFrames.check(copy, 0, bytes), "the viewer starts at the newest frame");
                NumberedFrames.fill(image, bytes, last + 1);
                writer.write(image);
                newest.data().get(0, copy, 0, bytes);
                assertEquals(last, NumberedFrames.check(copy, 0, bytes), "frame " + (last + 1) + " went into another buffer");
                newest.release();
                Frame next = stream.next();
                next.data().get(0, copy, 0, bytes);
                next.release();
                assertEquals(last + 1, NumberedFrames.check(copy, 0, bytes));
            }
        }
    }
}
