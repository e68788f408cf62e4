package org.vigil.kernel.v4l2;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.vigil.kernel.abi.PosixConstants;
import org.vigil.kernel.libc.Errno;
import org.vigil.kernel.libc.LibC;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One-copy output: one write() of a whole image per frame, the way vloopback's pushers worked and
 * v4l2loopback still accepts. The kernel copies the bytes into its buffer; nothing is allocated per
 * frame as long as the caller writes from the same direct buffers.
 */
public final class FrameWriter implements AutoCloseable {
    private final V4l2Device device;
    private final PixFormat format;
    private final Poller poller;
    private final long timeoutNanos;
    private final boolean streaming;
    private ByteBuffer lastBuffer;
    private long lastBufferAddress;
    private boolean closed;

    private FrameWriter(V4l2Device device, PixFormat format, Duration timeout, boolean streaming) {
        this.device = device;
        this.format = format;
        this.poller = new Poller(device);
        this.timeoutNanos = timeout.toNanos();
        this.streaming = streaming;
    }

    /**
     * Sets rate and format and readies the node for write().
     *
     * @param interval          time per frame, or null to leave it
     * @param streamOnFirst     issue STREAMON(OUTPUT) before the first write: v4l2loopback 0.12.7 loses its
     *                          output capability after the producer closes unless it does (upstream #470)
     */
    public static FrameWriter open(V4l2Device device, PixFormat request, Fraction interval, Duration timeout,
                                   boolean streamOnFirst) throws V4l2Exception {
        PixFormat format = OutputSetup.configure(device, request, interval);
        if (!device.currentCapability().canReadWrite()) {
            throw new CannotOutputException(device.path(), "this output node does not accept write()",
                    "use mmap output streaming instead");
        }
        if (streamOnFirst) {
            device.streamOn(BufferType.VIDEO_OUTPUT);
        }
        return new FrameWriter(device, format, timeout, streamOnFirst);
    }

    public PixFormat format() {
        return format;
    }

    /** Writes the buffer's remaining bytes, which must be exactly one image ({@link PixFormat#sizeImage()}). */
    public void write(ByteBuffer image) throws V4l2Exception {
        if (!image.isDirect()) {
            throw new IllegalArgumentException("write() needs a direct buffer (its bytes must live in native memory)");
        }
        if (image != lastBuffer) {
            // Looked up once per distinct buffer: callers write from a few reused buffers.
            lastBufferAddress = Pointer.nativeValue(Native.getDirectBufferPointer(image));
            lastBuffer = image;
        }
        write(lastBufferAddress + image.position(), image.remaining());
    }

    /** Writes one image from native memory. */
    public void write(long address, int length) throws V4l2Exception {
        if (closed) {
            throw new IllegalStateException(device.path() + ": writer is closed");
        }
        if (length != format.sizeImage()) {
            throw new IllegalArgumentException(device.path() + ": a " + format.describeRequest() + " image is "
                    + format.sizeImage() + " bytes, got " + length);
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            long written = LibC.write(device.fd(), address, length);
            if (written == length) {
                return;
            }
            if (written >= 0) {
                throw new V4l2Exception(device.path(), "write", 0, "the driver took " + written + " of "
                        + length + " bytes", "the device's buffer is smaller than the format's image size");
            }
            int errno = LibC.errno();
            if (errno == Errno.EAGAIN.code()) {
                if (poller.await(PosixConstants.POLLOUT, deadline) == 0) {
                    throw new FrameTimeoutException(device.path(), "the device took no frame", timeoutNanos / 1_000_000);
                }
            } else if (errno != Errno.EINTR.code()) {
                throw V4l2Exception.fromErrno(device.path(), "write", errno, "cannot write a frame");
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (streaming && device.isOpen()) {
                device.streamOff(BufferType.VIDEO_OUTPUT);
            }
        }
    }
}
