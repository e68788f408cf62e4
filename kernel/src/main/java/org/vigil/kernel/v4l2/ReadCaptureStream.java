package org.vigil.kernel.v4l2;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.vigil.kernel.abi.PosixConstants;
import org.vigil.kernel.libc.Errno;
import org.vigil.kernel.libc.LibC;

import java.nio.ByteOrder;

/**
 * Capture with read(), for devices that offer only V4L2_CAP_READWRITE: one copy per frame into memory
 * this stream allocated up front. Sequence numbers count the frames read; timestamps are taken from
 * CLOCK_MONOTONIC (System.nanoTime) when read() returns, because read() carries no metadata.
 * <p>
 * A driver keeps a descriptor that has used read() in read mode until it is closed: to stream from the
 * same device afterwards, close and reopen it.
 */
final class ReadCaptureStream implements CaptureStream, FrameOwner {
    private final V4l2Device device;
    private final PixFormat format;
    private final Memory[] slots;
    private final Frame[] frames;
    private final long timeoutNanos;
    private final Poller poller;
    private final Object slotLock = new Object();
    private long sequence;
    private int held;
    private boolean closed;

    private ReadCaptureStream(V4l2Device device, PixFormat format, CaptureSettings settings) {
        this.device = device;
        this.format = format;
        this.timeoutNanos = settings.timeout().toNanos();
        this.poller = new Poller(device, settings.wakeup());
        int count = settings.bufferCount();
        this.slots = new Memory[count];
        this.frames = new Frame[count];
        for (int i = 0; i < count; i++) {
            slots[i] = new Memory(format.sizeImage());
            frames[i] = new Frame(this, i, format,
                    slots[i].getByteBuffer(0, format.sizeImage()).order(ByteOrder.nativeOrder()), Pointer.nativeValue(slots[i]));
        }
    }

    static ReadCaptureStream start(V4l2Device device, CaptureSettings settings) throws V4l2Exception {
        PixFormat format = device.format(BufferType.VIDEO_CAPTURE);
        if (format.sizeImage() <= 0) {
            throw new V4l2Exception(device.path(), "VIDIOC_G_FMT", 0, "the driver reports an image size of "
                    + format.sizeImage() + " bytes for " + format.describeRequest(), "set a format first");
        }
        return new ReadCaptureStream(device, format, settings);
    }

    @Override
    public Frame next() throws V4l2Exception {
        Frame frame = freeFrame();
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            int events = poller.await(PosixConstants.POLLIN, deadline);
            if (events == Poller.WOKEN) {
                return null;
            }
            if (events == 0) {
                throw new FrameTimeoutException(device.path(), "no frame arrived", timeoutNanos / 1_000_000);
            }
            long count = LibC.read(device.fd(), frame.bufferAddress(), format.sizeImage());
            if (count > 0) {
                synchronized (slotLock) {
                    held++;
                    frame.lend(sequence++, System.nanoTime(), (int) count, false);
                }
                return frame;
            }
            if (count == 0) {
                throw new DeviceVanishedException(device.path(), "read", 0, "read() reached end of file");
            }
            int errno = LibC.errno();
            if (errno != Errno.EAGAIN.code() && errno != Errno.EINTR.code()) {
                throw V4l2Exception.fromErrno(device.path(), "read", errno, "cannot read a frame");
            }
        }
    }

    private Frame freeFrame() throws BuffersExhaustedException {
        synchronized (slotLock) {
            if (closed) {
                throw new IllegalStateException(device.path() + ": capture stream is closed");
            }
            for (Frame frame : frames) {
                if (!frame.isHeld()) {
                    return frame;
                }
            }
        }
        throw new BuffersExhaustedException(device.path(), frames.length);
    }

    @Override
    public void release(Frame frame) {
        if (frames[frame.index()] != frame) {
            throw new IllegalArgumentException("frame belongs to another stream");
        }
        synchronized (slotLock) {
            if (!frame.takeBack()) {
                throw new IllegalStateException("frame " + frame.sequence() + " (slot " + frame.index()
                        + ") was released twice");
            }
            held--;
            if (closed) {
                free(frame.index());
            }
        }
    }

    /** Releasing a read() slot touches no device, so it cannot fail. */
    @Override
    public void releaseFailed(V4l2Exception failure) {
        throw new AssertionError("a read() slot cannot fail to be released", failure);
    }

    @Override
    public IoMode mode() {
        return IoMode.READ;
    }

    @Override
    public PixFormat format() {
        return format;
    }

    @Override
    public int bufferCount() {
        return frames.length;
    }

    @Override
    public int framesHeld() {
        synchronized (slotLock) {
            return held;
        }
    }

    @Override
    public void close() {
        synchronized (slotLock) {
            if (closed) {
                return;
            }
            closed = true;
            for (Frame frame : frames) {
                if (!frame.isHeld()) {
                    free(frame.index());
                }
            }
        }
    }

    private void free(int index) {
        frames[index].invalidate();
        slots[index].close();
    }
}
