package org.vigil.kernel.v4l2;

import org.vigil.kernel.abi.PollFdLayout;
import org.vigil.kernel.abi.PosixConstants;
import org.vigil.kernel.libc.Errno;
import org.vigil.kernel.libc.LibC;
import org.vigil.kernel.libc.NativeStruct;

/**
 * Waits on one device with poll(2) and a deadline, and on a {@link Wakeup} when there is one. Polling first keeps
 * DQBUF from failing with EAGAIN, which would be the slow path. Reuses its pollfds, so a wait allocates nothing.
 * One thread at a time.
 */
final class Poller {
    /** {@link #await} returns this when the wakeup fired before the device was ready. */
    static final int WOKEN = -1;

    private final V4l2Device device;
    private final Wakeup wakeup;
    private final NativeStruct pollfds = new NativeStruct(2 * PollFdLayout.SIZE);

    Poller(V4l2Device device) {
        this(device, null);
    }

    /** @param wakeup polled beside the device, or null */
    Poller(V4l2Device device, Wakeup wakeup) {
        this.device = device;
        this.wakeup = wakeup;
    }

    /**
     * Waits until one of {@code events} is ready, the wakeup fires or the deadline passes.
     *
     * @param deadlineNanos a System.nanoTime() value
     * @return the device's returned events, 0 on timeout, or {@link #WOKEN}
     */
    int await(short events, long deadlineNanos) throws V4l2Exception {
        int count = wakeup == null ? 1 : 2;
        while (true) {
            long remainingNanos = deadlineNanos - System.nanoTime();
            if (remainingNanos <= 0) {
                return 0;
            }
            // Round up so a sub-millisecond remainder still waits instead of spinning.
            int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, (remainingNanos + 999_999) / 1_000_000);
            pollfds.putInt(PollFdLayout.FD, device.fd()).putShort(PollFdLayout.EVENTS, events)
                    .putShort(PollFdLayout.REVENTS, (short) 0);
            if (wakeup != null) {
                pollfds.putInt(PollFdLayout.SIZE + PollFdLayout.FD, wakeup.fd())
                        .putShort(PollFdLayout.SIZE + PollFdLayout.EVENTS, PosixConstants.POLLIN)
                        .putShort(PollFdLayout.SIZE + PollFdLayout.REVENTS, (short) 0);
            }
            int ready = LibC.poll(pollfds.address(), count, timeoutMillis);
            if (ready > 0) {
                if (wakeup != null && pollfds.getShort(PollFdLayout.SIZE + PollFdLayout.REVENTS) != 0) {
                    wakeup.drain();
                    return WOKEN;
                }
                return pollfds.getShort(PollFdLayout.REVENTS) & 0xffff;
            }
            if (ready < 0) {
                int errno = LibC.errno();
                if (errno != Errno.EINTR.code()) {
                    throw V4l2Exception.fromErrno(device.path(), "poll", errno, "cannot wait for the device");
                }
            }
        }
    }
}
