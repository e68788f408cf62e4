package org.vigil.kernel.v4l2;

import java.nio.ByteBuffer;

/**
 * One captured frame, lent by its {@link CaptureStream} until {@link #release()} or {@link #close()}.
 * <p>
 * With mmap I/O {@link #data()} is a view of the driver's buffer: no copy was made, and the bytes are
 * valid only until the frame is released (the driver refills the buffer after that). Anything that must
 * outlive the frame has to be copied first. The Frame object itself is reused for the next frame that
 * lands in the same buffer, so capturing allocates nothing per frame.
 * <p>
 * The capture loop is the one place that gives frames back, with try-with-resources:
 * {@code try (Frame frame = stream.next()) { ... }}. {@link #close()} never throws and may be called again.
 */
public final class Frame implements AutoCloseable {
    private final FrameOwner owner;
    private final int index;
    private final PixFormat format;
    private ByteBuffer view;
    private long address;
    private long sequence;
    private long timestampNanos;
    private int bytesUsed;
    private boolean corrupt;
    private volatile boolean held;

    Frame(FrameOwner owner, int index, PixFormat format, ByteBuffer view, long address) {
        this.owner = owner;
        this.index = index;
        this.format = format;
        this.view = view;
        this.address = address;
    }

    /** Called by the stream when the driver hands this buffer out. */
    void lend(long newSequence, long newTimestampNanos, int newBytesUsed, boolean newCorrupt) {
        sequence = newSequence;
        timestampNanos = newTimestampNanos;
        bytesUsed = newBytesUsed;
        corrupt = newCorrupt;
        held = true;
        view.limit(newBytesUsed).position(0);
    }

    /** Called by the stream when the buffer goes back to the driver; false if it was not lent out. */
    boolean takeBack() {
        boolean wasHeld = held;
        held = false;
        return wasHeld;
    }

    /** Called when the memory behind the view is gone (unmapped or freed). */
    void invalidate() {
        view = null;
        address = 0;
    }

    /** The bytes of the image, position 0 and limit {@link #bytesUsed()}; a direct buffer. */
    public ByteBuffer data() {
        requireHeld();
        return view;
    }

    /** The native address of the image bytes, for code that copies with native calls. */
    public long address() {
        requireHeld();
        return address;
    }

    /** The address of the memory behind this frame whether or not it is lent out, for the stream that fills it. */
    long bufferAddress() {
        return address;
    }

    /** The driver buffer (or read slot) index. */
    public int index() {
        return index;
    }

    /** The driver's frame counter; gaps mean frames were dropped. */
    public long sequence() {
        return sequence;
    }

    /**
     * When the frame was captured, in nanoseconds of CLOCK_MONOTONIC (the clock of {@link System#nanoTime()} on
     * Linux), the unit detectors take too. V4L2 stamps frames to the microsecond.
     */
    public long timestampNanos() {
        return timestampNanos;
    }

    public int bytesUsed() {
        return bytesUsed;
    }

    /** The driver flagged the frame as damaged (V4L2_BUF_FLAG_ERROR); its bytes may be garbage. */
    public boolean isCorrupt() {
        return corrupt;
    }

    public PixFormat format() {
        return format;
    }

    public boolean isHeld() {
        return held;
    }

    /** Gives the buffer back to the driver; the frame's bytes must not be used afterwards. Twice is an error. */
    public void release() throws V4l2Exception {
        owner.release(this);
    }

    /**
     * Gives the buffer back if it is still lent out; does nothing otherwise. A failure (the device vanished) is
     * kept by the stream and thrown by its next {@code next()}, so this can sit in a {@code finally}.
     */
    @Override
    public void close() {
        if (!held) {
            return;
        }
        try {
            owner.release(this);
        } catch (V4l2Exception e) {
            owner.releaseFailed(e);
        }
    }

    private void requireHeld() {
        if (!held) {
            throw new IllegalStateException("frame " + sequence + " (buffer " + index + ") was already released");
        }
    }

    @Override
    public String toString() {
        return "frame " + sequence + " (buffer " + index + ", " + bytesUsed + " bytes, t=" + timestampNanos / 1000 + " us)";
    }
}
