package org.vigil.kernel.v4l2;

import org.vigil.kernel.abi.BufferLayout;
import org.vigil.kernel.abi.PosixConstants;
import org.vigil.kernel.abi.V4l2Constants;
import org.vigil.kernel.abi.Vidioc;
import org.vigil.kernel.libc.Errno;
import org.vigil.kernel.libc.NativeStruct;

import java.time.Duration;

/**
 * Zero-copy output: the producer renders straight into a mapped driver buffer ({@link #acquire()}),
 * then queues it ({@link #submit}). Buffers never queued are handed out first; after that DQBUF(OUTPUT)
 * reclaims the next one the driver is done with. One producer thread; nothing allocated per frame.
 */
public final class MmapOutputStream implements AutoCloseable {
    private final V4l2Device device;
    private final PixFormat format;
    private final MappedBuffers buffers;
    private final OutputBuffer[] slots;
    private final Poller poller;
    private final long timeoutNanos;
    private final NativeStruct buffer = new NativeStruct(BufferLayout.SIZE);
    private boolean rotate;
    private int lastSubmitted = -1;
    private int neverQueued;
    private boolean closed;

    private MmapOutputStream(V4l2Device device, PixFormat format, MappedBuffers buffers, Duration timeout) {
        this.device = device;
        this.format = format;
        this.buffers = buffers;
        this.poller = new Poller(device);
        this.timeoutNanos = timeout.toNanos();
        this.slots = new OutputBuffer[buffers.count()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new OutputBuffer(i, buffers.view(i), buffers.address(i));
        }
        this.neverQueued = slots.length;
        this.rotate = device.capability().isLoopback();
    }

    /**
     * Sets rate and format, maps the output buffers and starts streaming.
     *
     * @param interval time per frame, or null to leave it
     * @param count    buffers to ask for; v4l2loopback caps this at its max_buffers (2 by default)
     */
    public static MmapOutputStream open(V4l2Device device, PixFormat request, Fraction interval, int count,
                                        Duration timeout) throws V4l2Exception {
        PixFormat format = OutputSetup.configure(device, request, interval);
        if (!device.currentCapability().canStream()) {
            throw new CannotOutputException(device.path(), "this output node does not support streaming I/O",
                    "use write() output instead");
        }
        MappedBuffers buffers = MappedBuffers.map(device, BufferType.VIDEO_OUTPUT, count, 1);
        MmapOutputStream stream = new MmapOutputStream(device, format, buffers, timeout);
        try {
            for (int i = 0; i < buffers.count(); i++) {
                if (buffers.length(i) < format.sizeImage()) {
                    throw new V4l2Exception(device.path(), "VIDIOC_QUERYBUF", 0, "output buffer " + i + " holds "
                            + buffers.length(i) + " bytes, a " + format.describeRequest() + " image needs "
                            + format.sizeImage(), null);
                }
            }
            device.streamOn(BufferType.VIDEO_OUTPUT);
        } catch (V4l2Exception | RuntimeException e) {
            stream.close();
            throw e;
        }
        return stream;
    }

    public PixFormat format() {
        return format;
    }

    public int bufferCount() {
        return slots.length;
    }

    /** A buffer to render the next image into. */
    public OutputBuffer acquire() throws V4l2Exception {
        if (closed) {
            throw new IllegalStateException(device.path() + ": output stream is closed");
        }
        if (neverQueued > 0) {
            OutputBuffer fresh = slots[slots.length - neverQueued--];
            fresh.lend();
            return fresh;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            prepare(0);
            int errno = device.ioctlErrno(Vidioc.DQBUF, buffer.address());
            if (errno == 0) {
                OutputBuffer reclaimed = slots[buffer.getInt(BufferLayout.INDEX)];
                if (rotate) {
                    // v4l2loopback's DQBUF(OUTPUT) hands back the buffer queued last, the newest frame, which viewers
                    // may still be copying; the next buffer in turn is the oldest (its own write() goes round the
                    // same way). If the driver answers otherwise, a viewer has shrunk its ring (REQBUFS with fewer
                    // buffers) and only its DQBUF still names buffers it will publish, so follow that from then on.
                    rotate = reclaimed.index() == lastSubmitted;
                    OutputBuffer oldest = slots[(reclaimed.index() + 1) % slots.length];
                    if (rotate && !oldest.isLent()) {
                        reclaimed = oldest;
                    }
                }
                if (reclaimed.isLent()) {
                    throw new IllegalStateException(device.path() + ": the driver returned output buffer "
                            + reclaimed.index() + ", which the producer still holds");
                }
                reclaimed.lend();
                return reclaimed;
            }
            if (errno == Errno.EAGAIN.code()) {
                if (poller.await(PosixConstants.POLLOUT, deadline) == 0) {
                    throw new FrameTimeoutException(device.path(), "no output buffer came back",
                            timeoutNanos / 1_000_000);
                }
            } else if (errno != Errno.EINTR.code()) {
                throw V4l2Exception.fromErrno(device.path(), "VIDIOC_DQBUF", errno, "cannot reclaim an output buffer");
            }
        }
    }

    /** Queues a rendered buffer; the driver publishes it to consumers. */
    public void submit(OutputBuffer rendered, int bytesUsed) throws V4l2Exception {
        if (slots[rendered.index()] != rendered || !rendered.isLent()) {
            throw new IllegalStateException("output buffer " + rendered.index() + " was not acquired from this stream");
        }
        if (bytesUsed <= 0 || bytesUsed > buffers.length(rendered.index())) {
            throw new IllegalArgumentException("bytesUsed " + bytesUsed + " outside 1.." + buffers.length(rendered.index()));
        }
        prepare(rendered.index());
        buffer.putInt(BufferLayout.BYTESUSED, bytesUsed).putInt(BufferLayout.FIELD, V4l2Constants.FIELD_NONE);
        int errno = device.ioctlErrno(Vidioc.QBUF, buffer.address());
        rendered.takeBack();
        lastSubmitted = rendered.index();
        if (errno != 0) {
            throw V4l2Exception.fromErrno(device.path(), "VIDIOC_QBUF", errno, "cannot queue output buffer "
                    + rendered.index());
        }
    }

    /** Queues a buffer holding one whole image. */
    public void submit(OutputBuffer rendered) throws V4l2Exception {
        submit(rendered, format.sizeImage());
    }

    private void prepare(int index) {
        buffer.clear().putInt(BufferLayout.INDEX, index).putInt(BufferLayout.TYPE, V4l2Constants.BUF_TYPE_VIDEO_OUTPUT)
                .putInt(BufferLayout.MEMORY, V4l2Constants.MEMORY_MMAP);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (device.isOpen()) {
            device.streamOff(BufferType.VIDEO_OUTPUT);
        }
        for (OutputBuffer slot : slots) {
            slot.takeBack();
            slot.invalidate();
        }
        buffers.unmapAll();
        buffers.release();
    }
}
