package org.vigil.core.record;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameRingTest {
    private static final int BYTES = 64;
    private static final long PERIOD = 100_000_000L; // 10 fps

    /** A frame whose bytes all hold its number. */
    private static ByteBuffer frame(int n) {
        ByteBuffer b = ByteBuffer.allocateDirect(BYTES);
        for (int i = 0; i < BYTES; i++) {
            b.put(i, (byte) n);
        }
        return b;
    }

    private static void offer(FrameRing ring, int n) {
        ring.offer(frame(n), BYTES, n * PERIOD, 0, 0, 0);
    }

    private static List<Integer> readAll(FrameRing ring, long from) throws Exception {
        List<Integer> seen = new ArrayList<>();
        for (long p = from; p < ring.written(); p++) {
            ring.read(p, (data, bytes, timestamp) -> seen.add((int) data.get(0)));
        }
        return seen;
    }

    @Test
    void preCaptureThatDoesNotFitIsKeptAtALowerRateUntilRecordingStarts() throws Exception {
        FrameRing ring = new FrameRing(10 * BYTES, BYTES, 20); // 10 slots, 5 for pre-capture, 20 frames wanted
        assertEquals(10, ring.capacity());
        assertEquals(4, ring.idleStride());
        for (int n = 0; n < 40; n++) {
            offer(ring, n);
        }
        assertEquals(List.of(0, 4, 8, 12, 16, 20, 24, 28, 32, 36), readAll(ring, ring.oldest()));
        ring.recording(true);
        for (int n = 40; n < 45; n++) {
            offer(ring, n);
        }
        assertEquals(List.of(20, 24, 28, 32, 36, 40, 41, 42, 43, 44), readAll(ring, ring.oldest()),
                "while recording every frame is kept");
        assertEquals(ring.written() - 5, ring.firstAtOrAfter(40 * PERIOD));
    }

    @Test
    void aReaderARingBehindFindsItsFramesGoneAndTheCaptureSideNeverWaits() throws Exception {
        FrameRing ring = new FrameRing(4 * BYTES, BYTES, 1);
        ring.recording(true);
        for (int n = 0; n < 10; n++) {
            offer(ring, n);
        }
        assertFalse(ring.read(0, (data, bytes, timestamp) -> { }), "overwritten long ago");
        assertEquals(6, ring.oldest());
        assertEquals(List.of(6, 7, 8, 9), readAll(ring, ring.oldest()));

        // the movie writer holds the oldest slot (ffmpeg is slow): the next frame, due in that slot, is dropped
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                ring.read(6, (data, bytes, timestamp) -> {
                    holding.countDown();
                    release.await();
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        assertTrue(holding.await(5, TimeUnit.SECONDS));
        long started = System.nanoTime();
        offer(ring, 10);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1), "offer waited for the reader");
        assertEquals(1, ring.droppedBusy());
        assertEquals(10, ring.written(), "the dropped frame took no position");
        release.countDown();
        writer.join();
        offer(ring, 11);
        assertEquals(List.of(7, 8, 9, 11), readAll(ring, ring.oldest()));
    }

    @Test
    void theSnapshotIsTheKeptFrameNearestTheDetection() {
        FrameRing ring = new FrameRing(8 * BYTES, BYTES, 8); // stride 2: frames 0, 2, 4, ... kept, 8 at a time
        for (int n = 0; n < 20; n++) {
            offer(ring, n);
        }
        ByteBuffer target = ByteBuffer.allocateDirect(BYTES);
        assertEquals(BYTES, ring.copyNearest(7 * PERIOD + PERIOD / 3, target));
        assertEquals(8, target.get(0), "frame 8 is the kept one nearest 7.3 periods");
        assertEquals(BYTES, ring.copyNearest(0, target));
        assertEquals(4, target.get(0), "the oldest still kept (0 and 2 were overwritten)");
        assertEquals(-1, new FrameRing(2 * BYTES, BYTES, 1).copyNearest(0, target), "an empty ring");
    }
}
