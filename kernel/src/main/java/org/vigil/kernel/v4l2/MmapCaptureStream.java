package org.vigil.kernel.v4l2;

import org.vigil.kernel.abi.BufferLayout;
import org.vigil.kernel.abi.PosixConstants;
import org.vigil.kernel.abi.V4l2Constants;
import org.vigil.kernel.abi.Vidioc;
import org.vigil.kernel.libc.Errno;
import org.vigil.kernel.libc.NativeStruct;

/**
 * Zero-copy capture: the driver fills mmap'd buffers, {@link #next()} lends one out as a {@link Frame}
 * view, {@link #release} queues it back. The per-frame path (poll, DQBUF, QBUF) reuses preallocated
 * structs and Frame objects and allocates nothing.
 */
final class MmapCaptureStream implements CaptureStream, FrameOwner {
    private final V4l2Device device;
    private final PixFormat format;
    private final MappedBuffers buffers;
    private final Frame[] frames;
    private final long timeoutNanos;
    private final Poller poller;
    private final NativeStruct dequeue = new NativeStruct(BufferLayout.SIZE);
    /** QBUF has its own struct and lock because frames may be released from another thread. */
    private final NativeStruct enqueue = new NativeStruct(BufferLayout.SIZE);
    private final Object queueLock = new Object();
    private int queued;
    private int held;
    private boolean closed;
    /** A release from {@link Frame#close()} that failed, for the next {@link #next()} to throw. */
    private V4l2Exception releaseFailure;

    private MmapCaptureStream(V4l2Device device, PixFormat format, MappedBuffers buffers, CaptureSettings settings) {
        this.device = device;
        this.format = format;
        this.buffers = buffers;
        this.timeoutNanos = settings.timeout().toNanos();
        this.poller = new Poller(device, settings.wakeup());
        this.frames = new Frame[buffers.count()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new Frame(this, i, format, buffers.view(i), buffers.address(i));
        }
    }

    static MmapCaptureStream start(V4l2Device device, CaptureSettings settings) throws V4l2Exception {
        PixFormat format = device.format(BufferType.VIDEO_CAPTURE);
        MappedBuffers buffers = MappedBuffers.map(device, BufferType.VIDEO_CAPTURE, requestFor(device, settings), 2);
        MmapCaptureStream stream = new MmapCaptureStream(device, format, buffers, settings);
        try {
            stream.requireRoomForImage();
            synchronized (stream.queueLock) {
                for (int i = 0; i < buffers.count(); i++) {
                    stream.queue(i);
                }
            }
            device.streamOn(BufferType.VIDEO_CAPTURE);
        } catch (V4l2Exception | RuntimeException e) {
            stream.close();
            throw e;
        }
        return stream;
    }

    /**
     * The buffer count to ask for. v4l2loopback (0.12.7) keeps one ring for all its openers, allocated whole at load,
     * and a request for fewer buffers than it has shrinks that ring for every viewer and producer until the module is
     * reloaded, leaving each fewer frame periods before the producer overwrites the frame it is copying; asking for
     * all of them costs nothing, so a loopback gets the most V4L2 allows (the driver grants its max_buffers).
     */
    private static int requestFor(V4l2Device device, CaptureSettings settings) {
        return device.capability().isLoopback() ? CaptureSettings.MAX_BUFFERS : settings.bufferCount();
    }

    private void requireRoomForImage() throws V4l2Exception {
        long needed = Math.max((long) format.sizeImage(), (long) format.bytesPerLine() * format.height());
        for (int i = 0; i < buffers.count(); i++) {
            if (buffers.length(i) < needed) {
                throw new V4l2Exception(device.path(), "VIDIOC_QUERYBUF", 0, "buffer " + i + " holds "
                        + buffers.length(i) + " bytes but a " + format.describeRequest() + " image needs " + needed,
                        "report this driver bug; try read() I/O meanwhile");
            }
        }
    }

    @Override
    public Frame next() throws V4l2Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            synchronized (queueLock) {
                if (closed) {
                    throw new IllegalStateException(device.path() + ": capture stream is closed");
                }
                if (releaseFailure != null) {
                    V4l2Exception failure = releaseFailure;
                    releaseFailure = null;
                    throw failure;
                }
                if (queued == 0) {
                    throw new BuffersExhaustedException(device.path(), frames.length);
                }
            }
            int events = poller.await(PosixConstants.POLLIN, deadline);
            if (events == Poller.WOKEN) {
                return null;
            }
            if (events == 0) {
                throw new FrameTimeoutException(device.path(), "no frame arrived", timeoutNanos / 1_000_000);
            }
            dequeue.clear().putInt(BufferLayout.TYPE, V4l2Constants.BUF_TYPE_VIDEO_CAPTURE)
                    .putInt(BufferLayout.MEMORY, V4l2Constants.MEMORY_MMAP);
            int errno = device.ioctlErrno(Vidioc.DQBUF, dequeue.address());
            if (errno == 0) {
                return lend(dequeue);
            }
            if (errno != Errno.EAGAIN.code() && errno != Errno.EINTR.code()) {
                throw V4l2Exception.fromErrno(device.path(), "VIDIOC_DQBUF", errno, "cannot take a frame");
            }
        }
    }

    private Frame lend(NativeStruct buffer) {
        int index = buffer.getInt(BufferLayout.INDEX);
        Frame frame = frames[index];
        long nanos = buffer.getLong(BufferLayout.TIMESTAMP_SEC) * 1_000_000_000L
                + buffer.getLong(BufferLayout.TIMESTAMP_USEC) * 1_000L;
        synchronized (queueLock) {
            queued--;
            held++;
            frame.lend(buffer.getUnsignedInt(BufferLayout.SEQUENCE), nanos, imageBytes(buffer.getInt(BufferLayout.BYTESUSED)),
                    (buffer.getInt(BufferLayout.FLAGS) & V4l2Constants.BUF_FLAG_ERROR) != 0);
        }
        return frame;
    }

    /**
     * The image's length in a buffer: bytesused, but never past the format's image size, because
     * v4l2loopback 0.12.7 reports a write()-fed frame as the page-aligned buffer size (155648 bytes
     * for a 153600-byte 320x240 YUYV image) and the tail is padding, not picture.
     */
    private int imageBytes(int bytesUsed) {
        return format.sizeImage() > 0 ? Math.min(bytesUsed, format.sizeImage()) : bytesUsed;
    }

    @Override
    public void release(Frame frame) throws V4l2Exception {
        if (frame.format() != format || frames[frame.index()] != frame) {
            throw new IllegalArgumentException("frame belongs to another stream");
        }
        synchronized (queueLock) {
            if (!frame.takeBack()) {
                throw new IllegalStateException("frame " + frame.sequence() + " (buffer " + frame.index()
                        + ") was released twice");
            }
            held--;
            if (closed) {
                // Teardown deferred this buffer's unmapping until its last reader was done.
                frame.invalidate();
                buffers.unmap(frame.index());
                return;
            }
            queue(frame.index());
        }
    }

    @Override
    public void releaseFailed(V4l2Exception failure) {
        synchronized (queueLock) {
            if (releaseFailure == null && !closed) {
                releaseFailure = failure;
            }
        }
    }

    /** QBUF; the caller holds queueLock. */
    private void queue(int index) throws V4l2Exception {
        enqueue.clear().putInt(BufferLayout.INDEX, index).putInt(BufferLayout.TYPE, V4l2Constants.BUF_TYPE_VIDEO_CAPTURE)
                .putInt(BufferLayout.MEMORY, V4l2Constants.MEMORY_MMAP);
        int errno = device.ioctlErrno(Vidioc.QBUF, enqueue.address());
        if (errno != 0) {
            throw V4l2Exception.fromErrno(device.path(), "VIDIOC_QBUF", errno, "cannot give buffer " + index + " back");
        }
        queued++;
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
        return frames.length;
    }

    @Override
    public int framesHeld() {
        synchronized (queueLock) {
            return held;
        }
    }

    @Override
    public void close() {
        synchronized (queueLock) {
            if (closed) {
                return;
            }
            closed = true;
            if (device.isOpen()) {
                device.streamOff(BufferType.VIDEO_CAPTURE);
            }
            queued = 0;
            for (Frame frame : frames) {
                if (!frame.isHeld()) {
                    frame.invalidate();
                    buffers.unmap(frame.index());
                }
            }
            // With frames still held the mappings keep the driver's buffers alive; REQBUFS(0) would only
            // be refused or orphan them, and closing the device frees the queue in any case.
            if (held == 0) {
                buffers.release();
            }
        }
    }
}
