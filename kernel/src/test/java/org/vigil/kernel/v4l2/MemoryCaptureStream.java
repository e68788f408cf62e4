package org.vigil.kernel.v4l2;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.vigil.kernel.abi.PollFdLayout;
import org.vigil.kernel.abi.PosixConstants;
import org.vigil.kernel.libc.LibC;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A camera in memory, for benchmarks on a machine without one: a fixed set of pictures, each in a direct buffer of
 * its own (what a driver's DMA would have filled, so handing one out costs no copy), lent in a given order as
 * {@link Frame}s under the same contract as a real stream. Paced, frames come at a set rate on CLOCK_MONOTONIC and are
 * stamped with the time they were due; a consumer more than a driver's ring of frames behind loses frames as a driver
 * does when no buffer is queued: the sequence numbers jump, so the pipeline counts the loss from the gap exactly as
 * it does for a camera. The wait is a poll(2) on the {@link Wakeup}, so a stop or a reload wakes it as it wakes a
 * real stream. Unpaced (a JMH benchmark's), every call returns the next frame at once, stamped one period later.
 */
public final class MemoryCaptureStream implements CaptureStream, FrameOwner {
    private static final int RING = CaptureSettings.DEFAULT_BUFFERS;

    private final PixFormat format;
    private final Frame[] frames;
    private final long periodNanos;
    private final Wakeup wakeup;
    private final Memory pollfd = new Memory(PollFdLayout.SIZE);
    private final int[] order;
    private final boolean paced;
    private final long startNanos;
    private long nextSequence;
    private int held;

    /**
     * @param pictures one direct buffer per picture, each {@code format.sizeImage()} bytes (the caller frees them)
     * @param order    the pictures' indices in the order frames show them, repeated
     * @param fps      frames per second
     * @param paced    whether frames wait for their time, as a camera's do
     * @param wakeup   polled while waiting for the next frame, or null
     */
    public MemoryCaptureStream(PixFormat format, List<ByteBuffer> pictures, int[] order, double fps, boolean paced,
                               Wakeup wakeup) {
        if (pictures.isEmpty() || order.length == 0 || pictures.size() > CaptureSettings.MAX_BUFFERS) {
            throw new IllegalArgumentException("a memory camera has 1 to " + CaptureSettings.MAX_BUFFERS
                    + " pictures, as a driver has buffers, not " + pictures.size());
        }
        for (int index : order) {
            if (index < 0 || index >= pictures.size()) {
                throw new IllegalArgumentException("picture " + index + " of " + pictures.size() + " in the order");
            }
        }
        this.format = format;
        this.order = order.clone();
        this.paced = paced;
        this.periodNanos = Math.round(1e9 / fps);
        this.wakeup = wakeup;
        this.frames = new Frame[pictures.size()];
        for (int i = 0; i < frames.length; i++) {
            ByteBuffer picture = pictures.get(i);
            if (!picture.isDirect() || picture.capacity() < format.sizeImage()) {
                throw new IllegalArgumentException("picture " + i + " is not a direct buffer of " + format.sizeImage()
                        + " bytes");
            }
            frames[i] = new Frame(this, i, format, picture.duplicate(), Pointer.nativeValue(Native.getDirectBufferPointer(picture)));
        }
        this.startNanos = System.nanoTime();
    }

    @Override
    public Frame next() throws V4l2Exception {
        if (!paced) {
            return lend(nextSequence++);
        }
        long due = startNanos + nextSequence * periodNanos;
        long now = System.nanoTime();
        if (now < due) {
            if (waitUntil(due)) {
                return null;
            }
            now = System.nanoTime();
        }
        long arrived = (now - startNanos) / periodNanos;
        // A driver's ring (the daemon's default count) held the frames that came while the consumer was busy;
        // beyond it they were lost.
        if (arrived - nextSequence >= RING) {
            nextSequence = arrived - RING + 1;
        }
        return lend(nextSequence++);
    }

    private Frame lend(long sequence) throws BuffersExhaustedException {
        Frame frame = frames[order[(int) (sequence % order.length)]];
        if (frame.isHeld()) {
            throw new BuffersExhaustedException("memory camera", frames.length);
        }
        frame.lend(sequence, startNanos + sequence * periodNanos, format.sizeImage(), false);
        held++;
        return frame;
    }

    /** Waits for the deadline or the wakeup; true when woken. */
    private boolean waitUntil(long deadlineNanos) {
        while (true) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            // poll(2) counts whole milliseconds: it waits the whole ones, a park the rest, so frames are not late
            int millis = (int) (remaining / 1_000_000);
            if (wakeup == null || millis == 0) {
                LockSupport.parkNanos(remaining);
                continue;
            }
            pollfd.setInt(PollFdLayout.FD, wakeup.fd());
            pollfd.setShort(PollFdLayout.EVENTS, PosixConstants.POLLIN);
            pollfd.setShort(PollFdLayout.REVENTS, (short) 0);
            if (LibC.poll(Pointer.nativeValue(pollfd), 1, millis) > 0) {
                wakeup.drain();
                return true;
            }
        }
    }

    @Override
    public void release(Frame frame) {
        if (!frame.takeBack()) {
            throw new IllegalStateException(frame + " was released twice");
        }
        held--;
    }

    @Override
    public void releaseFailed(V4l2Exception failure) {
        // memory cannot vanish
    }

    @Override
    public IoMode mode() {
        return IoMode.MMAP;
    }

    @Override
    public PixFormat format() {
        return format;
    }

    @Override
    public int bufferCount() {
        return RING;
    }

    @Override
    public int framesHeld() {
        return held;
    }

    /** The pictures belong to the caller, who frees them: nothing here to release. */
    @Override
    public void close() {
        for (Frame frame : frames) {
            frame.takeBack();
        }
    }
}
