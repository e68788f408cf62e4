package org.vigil.core.record;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A camera's recent frames in preallocated memory: the pre-capture that a movie begins with, and the queue between
 * the capture thread and the movie writer. The capture thread puts copies in at one end and never waits: a slot
 * a reader holds is skipped (the frame is dropped for recording and counted); a reader that falls a whole ring behind
 * finds its frames overwritten and skips ahead (counted too). Frames are numbered by position, 0, 1, 2, ...
 *
 * <p>While nothing records, only every {@link #idleStride()}-th frame is kept, so that pre-capture seconds fit in
 * the memory at a lower rate rather than not at all; while recording, every frame is kept.
 */
public final class FrameRing {
    private final Slot[] slots;
    private final int frameBytes;
    private final int idleStride;
    private volatile long written; // frames put in so far: the newest is written - 1
    private volatile boolean recording;
    private final java.util.concurrent.atomic.AtomicInteger readers = new java.util.concurrent.atomic.AtomicInteger();
    private long offered;
    private volatile long droppedBusy;

    /** One preallocated frame and what it holds. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        final ByteBuffer data;
        long position = -1;
        long timestampNanos;
        int bytes;

        Slot(int capacity) {
            ByteBuffer buffer = DirectMemory.allocate(capacity);
            if (buffer == null) {
                // thrown at the stream's opening: the camera reports it and tries again later, and does not die of it
                throw new IllegalStateException(DirectMemory.shortage("the camera's frame ring", capacity));
            }
            data = buffer;
        }
    }

    /**
     * @param memoryBytes what the ring may take; at least two frames are always kept
     * @param preCaptureFrames frames pre-capture needs at the camera's full rate
     */
    public FrameRing(long memoryBytes, int frameBytes, int preCaptureFrames) {
        int count = (int) Math.max(2, Math.min(Integer.MAX_VALUE, memoryBytes / frameBytes));
        this.frameBytes = frameBytes;
        this.slots = new Slot[count];
        for (int i = 0; i < count; i++) {
            slots[i] = new Slot(frameBytes);
        }
        // keep half the ring free for the recorder's queue once recording starts
        int forPreCapture = Math.max(1, count / 2);
        this.idleStride = Math.max(1, (preCaptureFrames + forPreCapture - 1) / forPreCapture);
    }

    public int capacity() {
        return slots.length;
    }

    public int frameBytes() {
        return frameBytes;
    }

    /** Frames kept while nothing records: 1 keeps all; 3 keeps every third (pre-capture at a third of the rate). */
    public int idleStride() {
        return idleStride;
    }

    /**
     * A movie starts ({@code true}) or ends reading the ring: every frame is kept while any is written (an event's
     * movie and a scheduled recording may overlap), only every idle-stride-th otherwise.
     */
    public void recording(boolean on) {
        int now = readers.addAndGet(on ? 1 : -1);
        recording = now > 0;
    }

    /**
     * Copies a frame in (capture thread only); allocates nothing.
     *
     * @param rows bytes per row to keep of each {@code stride} bytes, for a padded packed format; 0 copies as is
     */
    public void offer(ByteBuffer frame, int bytes, long timestampNanos, int rows, int rowBytes, int stride) {
        if (!recording && offered++ % idleStride != 0) {
            return;
        }
        long position = written;
        Slot slot = slots[(int) (position % slots.length)];
        if (!slot.lock.tryLock()) {
            droppedBusy++; // the movie writer is on this very slot: a whole ring behind
            return;
        }
        try {
            int length = Math.min(bytes, frameBytes);
            if (rows == 0) {
                slot.data.put(0, frame, 0, length);
                slot.bytes = length;
            } else {
                for (int r = 0; r < rows; r++) {
                    slot.data.put(r * rowBytes, frame, r * stride, rowBytes);
                }
                slot.bytes = rows * rowBytes;
            }
            slot.timestampNanos = timestampNanos;
            slot.position = position;
        } finally {
            slot.lock.unlock();
        }
        written = position + 1;
    }

    /** Frames put in so far: positions 0 .. written() - 1, of which the last capacity() may still be there. */
    public long written() {
        return written;
    }

    /** Frames the capture thread could not keep because a reader held their slot. */
    public long droppedBusy() {
        return droppedBusy;
    }

    /** The oldest position still held whose frame was taken at or after {@code nanos}, or written() if none is. */
    public long firstAtOrAfter(long nanos) {
        long end = written;
        long position = Math.max(0, end - slots.length);
        for (; position < end; position++) {
            Slot slot = slots[(int) (position % slots.length)];
            slot.lock.lock();
            try {
                if (slot.position == position && slot.timestampNanos >= nanos) {
                    return position;
                }
            } finally {
                slot.lock.unlock();
            }
        }
        return end;
    }

    /** What a reader does with a frame while it holds it. */
    public interface Reader {
        void read(ByteBuffer data, int bytes, long timestampNanos) throws Exception;
    }

    /**
     * Hands the frame at {@code position} to the reader, holding its slot so the capture thread leaves it alone.
     *
     * @return false when the frame is gone (overwritten: the reader fell a ring behind) or not there yet
     */
    public boolean read(long position, Reader reader) throws Exception {
        if (position >= written) {
            return false;
        }
        Slot slot = slots[(int) (position % slots.length)];
        slot.lock.lock();
        try {
            if (slot.position != position) {
                return false;
            }
            reader.read(slot.data, slot.bytes, slot.timestampNanos);
            return true;
        } finally {
            slot.lock.unlock();
        }
    }

    /** The oldest position that may still be held. */
    public long oldest() {
        return Math.max(0, written - slots.length);
    }

    /**
     * Copies the frame taken nearest to {@code timestampNanos} into {@code target} (a snapshot's candidate: the frame
     * a detection looked at, or its nearest kept neighbour when pre-capture keeps every n-th frame).
     *
     * @return the bytes copied, or -1 when the ring holds nothing
     */
    public int copyNearest(long timestampNanos, ByteBuffer target) {
        long end = written;
        long best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (long position = end - 1; position >= Math.max(0, end - slots.length); position--) {
            Slot slot = slots[(int) (position % slots.length)];
            long distance;
            slot.lock.lock();
            try {
                if (slot.position != position) {
                    continue;
                }
                distance = Math.abs(slot.timestampNanos - timestampNanos);
            } finally {
                slot.lock.unlock();
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = position;
            } else {
                break; // timestamps fall going back: the distance only grows from here
            }
        }
        if (best < 0) {
            return -1;
        }
        Slot slot = slots[(int) (best % slots.length)];
        slot.lock.lock();
        try {
            if (slot.position != best) {
                return -1;
            }
            target.put(0, slot.data, 0, slot.bytes);
            return slot.bytes;
        } finally {
            slot.lock.unlock();
        }
    }
}
