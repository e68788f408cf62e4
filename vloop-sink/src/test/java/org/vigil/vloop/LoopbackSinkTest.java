package org.vigil.vloop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.vigil.kernel.v4l2.DeviceVanishedException;
import org.vigil.kernel.v4l2.FrameTimeoutException;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.vloop.image.ImageLayout;
import org.vigil.opencv.OpenCvNatives;
import org.vigil.vloop.image.SourceImage;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report-once, back-off-and-reopen state machine with a fake pipe and a fake clock. Whether a real pipe's
 * failures reach it is the rig's business (ReopenIT); this checks the logic: what is counted, when it retries.
 */
class LoopbackSinkTest {
    private static final long MS = 1_000_000L;
    private static final Path NODE = Path.of("/dev/video10");

    private final ByteBuffer grey = ByteBuffer.allocateDirect(16 * 8);
    private final List<Path> opened = new ArrayList<>();
    private final Deque<Object> openResults = new ArrayDeque<>();
    private long now = 1_000 * MS;
    private FakePipe pipe;
    private LoopbackSink sink;
    private final List<String> reports = new ArrayList<>();
    /** Writes each report as a line, so tests check what a user would read, and how often. */
    private final SinkListener listener = new SinkListener() {
        @Override
        public void up(String sink, Path node, String producing, long attempts, long droppedMeanwhile) {
            reports.add("up " + node + " after " + attempts + " attempts, " + droppedMeanwhile + " dropped");
        }

        @Override
        public void down(String sink, String reason, Duration nextTry, boolean unexpected) {
            reports.add((unexpected ? "failed " : "down ") + reason + ", next in " + nextTry.toMillis() + " ms");
        }

        @Override
        public void stillDown(String sink, String reason, Duration nextTry) {
            reports.add("still down " + reason + ", next in " + nextTry.toMillis() + " ms");
        }

        @Override
        public void stalled(String sink, String reason) {
            reports.add("stalled " + reason);
        }

        @Override
        public void resumed(String sink, Path node) {
            reports.add("resumed " + node);
        }

        @Override
        public void closed(String sink, SinkCounters counters) {
            reports.add("closed " + counters);
        }
    };

    @AfterEach
    void close() {
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void framesReachAnOpenPipe() {
        sink = openSink(new FakePipe());
        for (int i = 0; i < 5; i++) {
            sink.accept(grey);
        }
        assertEquals(new SinkCounters(5, 0, 0, 0), sink.counters());
        assertEquals(5, pipe.writes);
    }

    @Test
    void aFailingPipeIsClosedAndFramesDropUntilTheBackoffHasPassed() {
        sink = openSink(new FakePipe());
        sink.accept(grey);
        pipe.failNext = new DeviceVanishedException(NODE.toString(), "write", 19, "cannot write a frame");
        FakePipe failed = pipe;
        sink.accept(grey);
        assertTrue(failed.closed, "the failed producer is closed at once");
        assertFalse(sink.isUp());
        now += 499 * MS;
        sink.accept(grey);
        assertEquals(new SinkCounters(1, 2, 0, 1), sink.counters(), "no attempt before 500 ms");

        openResults.add(new DeviceVanishedException(NODE.toString(), "open", 19, "cannot open"));
        now += MS;
        sink.accept(grey);
        assertEquals(new SinkCounters(1, 3, 1, 1), sink.counters());
        assertEquals(List.of(NODE), opened, "the node written before is tried first");

        now += 999 * MS; // the second wait is twice the first
        sink.accept(grey);
        assertEquals(1, sink.counters().reopenAttempts());
        openResults.add(new FakePipe());
        now += MS;
        sink.accept(grey);
        assertTrue(sink.isUp());
        assertEquals(new SinkCounters(2, 4, 2, 1), sink.counters());
    }

    @Test
    void theWaitDoublesUpToTenSecondsAndStartsShortAgainAfterARecovery() {
        sink = openSink(new FakePipe());
        pipe.failNext = new V4l2Exception(NODE.toString(), "VIDIOC_QBUF", 5, "cannot queue", null);
        sink.accept(grey);
        long[] expectedWaits = {500, 1000, 2000, 4000, 8000, 10_000, 10_000};
        for (long wait : expectedWaits) {
            openResults.add(new DeviceVanishedException(NODE.toString(), "open", 19, "cannot open"));
            long attempts = sink.counters().reopenAttempts();
            now += (wait - 1) * MS;
            sink.accept(grey);
            assertEquals(attempts, sink.counters().reopenAttempts(), "not before " + wait + " ms");
            now += MS;
            sink.accept(grey);
            assertEquals(attempts + 1, sink.counters().reopenAttempts(), "after " + wait + " ms");
        }
        openResults.clear();
        openResults.add(new FakePipe());
        now += 10_000 * MS;
        sink.accept(grey);
        assertTrue(sink.isUp());
        pipe.failNext = new V4l2Exception(NODE.toString(), "VIDIOC_QBUF", 5, "cannot queue", null);
        sink.accept(grey);
        long attempts = sink.counters().reopenAttempts();
        openResults.add(new FakePipe());
        now += 500 * MS;
        sink.accept(grey);
        assertEquals(attempts + 1, sink.counters().reopenAttempts(), "a new outage starts with the short wait");
        assertEquals(2, sink.counters().outages());
    }

    @Test
    void aPipeMissingAtStartIsReportedAndRetriedLikeAnOutage() throws Exception {
        openResults.add(new NoFreePipeException("any", "no v4l2loopback pipe exists", "load it"));
        sink = newSink();
        sink.start();
        assertFalse(sink.isUp());
        assertNull(opened.get(0), "no node known yet");
        sink.accept(grey);
        assertEquals(new SinkCounters(0, 1, 0, 1), sink.counters());
        openResults.add(new FakePipe());
        now += 500 * MS;
        sink.accept(grey);
        assertEquals(new SinkCounters(1, 1, 1, 1), sink.counters());
    }

    @Test
    void aConfigurationErrorAtStartIsThrown() {
        openResults.add(new NotALoopbackException("/dev/video0", "this is a vivid node", "choose a loopback"));
        sink = newSink();
        assertThrows(NotALoopbackException.class, sink::start);
    }

    /** An attempt that takes long (a slow machine, a busy node) runs beside the pipeline, which keeps dropping. */
    @Test
    void aSlowAttemptNeverHoldsTheCaller() throws Exception {
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sink = new LoopbackSink("test", ImageLayout.GREY, 16, 8, lastNode -> {
            opening.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            pipe = new FakePipe();
            return pipe;
        }, () -> now, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10)), null, listener);
        sink.accept(grey); // starts the attempt on the sink's own thread and returns
        assertTrue(opening.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 3; i++) {
            sink.accept(grey);
        }
        assertEquals(new SinkCounters(0, 4, 1, 0), sink.counters(), "frames dropped while the attempt runs");
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sink.isUp() && System.nanoTime() < deadline) {
            sink.accept(grey);
            Thread.sleep(5);
        }
        assertTrue(sink.isUp());
        assertEquals(1, sink.counters().reopenAttempts());
    }

    @Test
    void aWriteThatTimesOutDropsTheFrameButKeepsThePipe() {
        sink = openSink(new FakePipe());
        pipe.failNext = new FrameTimeoutException(NODE.toString(), "the device took no frame", 33);
        sink.accept(grey);
        sink.accept(grey);
        assertTrue(sink.isUp());
        assertEquals(new SinkCounters(1, 1, 0, 0), sink.counters());
    }

    @Test
    void anUnexpectedErrorInThePipeIsContainedToo() {
        sink = openSink(new FakePipe());
        pipe.failWith = new IllegalStateException("output buffer 1 is still held");
        sink.accept(grey);
        assertFalse(sink.isUp());
        assertEquals(new SinkCounters(0, 1, 0, 1), sink.counters());
    }

    @Test
    void aPictureOfTheWrongShapeIsTheCallersBugAndSaysSo() {
        OpenCvNatives.load();
        sink = openSink(new FakePipe());
        Mat bgr = new Mat(8, 16, CvType.CV_8UC3);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sink.accept(bgr));
            assertTrue(e.getMessage().contains("takes 16x8 GREY"), e.getMessage());
        } finally {
            bgr.release();
        }
    }

    @Test
    void eachChangeIsReportedOnceAndNoFrameIsReported() {
        sink = openSink(new FakePipe());
        for (int i = 0; i < 3; i++) {
            sink.accept(grey);
        }
        pipe.failNext = new FrameTimeoutException(NODE.toString(), "the device took no frame", 33);
        sink.accept(grey);
        pipe.failNext = new FrameTimeoutException(NODE.toString(), "the device took no frame", 33);
        sink.accept(grey);
        sink.accept(grey);
        pipe.failNext = new DeviceVanishedException(NODE.toString(), "write", 19, "cannot write a frame");
        sink.accept(grey);
        for (String reason : new String[] {"busy", "busy", "gone"}) {
            openResults.add(new PipeHeldException(NODE.toString(), reason, null));
            now += 10_000 * MS;
            sink.accept(grey);
        }
        openResults.add(new FakePipe());
        now += 10_000 * MS;
        sink.accept(grey);
        sink.close();
        assertEquals(List.of(
                "up /dev/video10 after 0 attempts, 0 dropped",
                "stalled /dev/video10: the device took no frame within 33 ms (poll); the device stalled; check the camera"
                        + " (or the loopback's producer) and `dmesg`",
                "resumed /dev/video10",
                "down /dev/video10: cannot write a frame: the device has gone (write: ENODEV (no such device)); check the"
                        + " cable and `dmesg`; the device must be reopened when it returns, next in 500 ms",
                "still down /dev/video10: busy, next in 1000 ms",
                "still down /dev/video10: gone, next in 4000 ms",
                "up /dev/video10 after 4 attempts, 4 dropped",
                "closed SinkCounters[written=5, dropped=6, reopenAttempts=4, outages=1]"), reports);
    }

    @Test
    void aDecoratorTravelsWithItsFrameToThePipe() {
        sink = openSink(new FakePipe());
        PipeDecorator decorator = picture -> { };
        sink.accept(grey);
        assertNull(pipe.lastDecorator);
        OpenCvNatives.load();
        Mat mat = new Mat(8, 16, CvType.CV_8UC1);
        try {
            sink.accept(mat, decorator);
            assertEquals(decorator, pipe.lastDecorator);
        } finally {
            mat.release();
        }
    }

    @Test
    void aClosedSinkDropsAndClosesItsPipeOnce() {
        sink = openSink(new FakePipe());
        sink.close();
        sink.accept(grey);
        assertTrue(pipe.closed);
        assertEquals(new SinkCounters(0, 1, 0, 0), sink.counters());
    }

    private LoopbackSink openSink(FakePipe first) {
        openResults.add(first);
        LoopbackSink created = newSink();
        try {
            created.start();
        } catch (V4l2Exception e) {
            throw new AssertionError(e);
        }
        opened.clear();
        return created;
    }

    /** Attempts run inside accept, so the fake clock alone decides when they happen. */
    private LoopbackSink newSink() {
        return new LoopbackSink("test", ImageLayout.GREY, 16, 8, this::open, () -> now,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10)), Runnable::run, listener);
    }

    private PipeProducer open(Path lastNode) throws V4l2Exception {
        opened.add(lastNode);
        Object next = openResults.poll();
        if (next instanceof V4l2Exception e) {
            throw e;
        }
        pipe = next == null ? new FakePipe() : (FakePipe) next;
        return pipe;
    }

    private static final class FakePipe implements PipeProducer {
        int writes;
        boolean closed;
        V4l2Exception failNext;
        RuntimeException failWith;
        PipeDecorator lastDecorator;

        @Override
        public void write(SourceImage image) throws V4l2Exception {
            write(image, null);
        }

        @Override
        public String describe() {
            return "a fake pipe";
        }

        @Override
        public void write(SourceImage image, PipeDecorator decorator) throws V4l2Exception {
            lastDecorator = decorator;
            if (failWith != null) {
                throw failWith;
            }
            if (failNext != null) {
                V4l2Exception e = failNext;
                failNext = null;
                throw e;
            }
            writes++;
        }

        @Override
        public Path node() {
            return NODE;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
