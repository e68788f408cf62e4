package org.vigil.kernel.v4l2;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.vigil.kernel.abi.PosixConstants;
import org.vigil.kernel.libc.Errno;
import org.vigil.kernel.libc.LibC;

/**
 * An eventfd that a capture stream polls beside its device, so that another thread can wake a capture thread at
 * once (to stop, or to apply a new configuration) instead of waiting out the frame timeout, and without closing a
 * descriptor that the capture thread is polling (GStreamer's v4l2src unlocks its poll the same way).
 * One wakeup may serve every stream a thread opens in turn; {@link #close()} only after the last of them.
 */
public final class Wakeup implements AutoCloseable {
    private final int fd;
    /** Eight bytes for the counter: eventfd reads and writes a uint64. */
    private final Memory wakeCounter = new Memory(Long.BYTES);
    private final Memory drainCounter = new Memory(Long.BYTES);
    private volatile boolean closed;

    private Wakeup(int fd) {
        this.fd = fd;
        wakeCounter.setLong(0, 1);
    }

    public static Wakeup create() {
        int fd = LibC.eventfd(0, PosixConstants.EFD_NONBLOCK | PosixConstants.EFD_CLOEXEC);
        if (fd < 0) {
            throw new IllegalStateException("eventfd failed: " + Errno.describe(LibC.errno())
                    + "; the process may be out of file descriptors (ulimit -n)");
        }
        return new Wakeup(fd);
    }

    /** Makes the next (or the current) wait of the polling thread return at once. Any thread. */
    public synchronized void wake() {
        if (!closed) {
            LibC.write(fd, Pointer.nativeValue(wakeCounter), Long.BYTES);
        }
    }

    /** Clears a pending wake; the polling thread calls it when poll() reported this descriptor. */
    void drain() {
        LibC.read(fd, Pointer.nativeValue(drainCounter), Long.BYTES);
    }

    int fd() {
        return fd;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LibC.close(fd);
        }
    }
}
