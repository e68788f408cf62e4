package org.vigil.kernel.v4l2;

import org.vigil.kernel.abi.PollFdLayout;
import org.vigil.kernel.libc.Errno;
import org.vigil.kernel.libc.LibC;
import org.vigil.kernel.libc.NativeStruct;

/**
 * Waits on one device with poll(2) and a deadline. Polling first keeps DQBUF from failing with EAGAIN,
 * which would be the slow path. Reuses one pollfd, so a wait allocates nothing. One thread at a time.
 */
final class Poller {
    private final V4l2Device device;
    private final NativeStruct pollfd = new NativeStruct(PollFdLayout.SIZE);

    Poller(V4l2Device device) {
        this.device = device;
    }

    /**
     * Waits until one of {@code events} is ready or the deadline passes.
     *
     * @param deadlineNanos a System.nanoTime() value
     * @return the returned events, or 0 on timeout
     */
    short await(short events, long deadlineNanos) throws V4l2Exception {
        while (true) {
            long remainingNanos = deadlineNanos - System.nanoTime();
            if (remainingNanos <= 0) {
                return 0;
            }
            // Round up so a sub-millisecond remainder still waits instead of spinning.
            int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, (remainingNanos + 999_999) / 1_000_000);
            pollfd.putInt(PollFdLayout.FD, device.fd()).putShort(PollFdLayout.EVENTS, events)
                    .putShort(PollFdLayout.REVENTS, (short) 0);
            int ready = LibC.poll(pollfd.address(), 1, timeoutMillis);
            if (ready > 0) {
                return pollfd.getShort(PollFdLayout.REVENTS);
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
