package org.vigil.vloop.rig;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;

/**
 * The calling thread's scheduler account from /proc/thread-self/schedstat: nanoseconds it ran on a CPU and
 * nanoseconds it waited, runnable, for one. What a stretch of wall time holds beyond those two, the thread spent
 * asleep: in a driver's mutex, a blocking call, a safepoint. That tells "the driver held the writer up" apart from
 * "the emulated machine had no CPU free for the writer", which a wall-clock bound alone cannot.
 *
 * <p>One instance per thread, opened on it; reading allocates nothing.
 */
final class ThreadCpuAccount implements AutoCloseable {
    private final RandomAccessFile file;
    private final byte[] text = new byte[128];

    ThreadCpuAccount() {
        try {
            file = new RandomAccessFile("/proc/thread-self/schedstat", "r");
        } catch (IOException e) {
            throw new UncheckedIOException("/proc/thread-self/schedstat: the kernel keeps no scheduler account "
                    + "(CONFIG_SCHED_INFO)", e);
        }
    }

    /** Nanoseconds on a CPU plus nanoseconds waiting for one, since the thread started. */
    long awakeNanos() {
        try {
            file.seek(0);
            int length = file.read(text);
            int i = 0;
            long sum = 0;
            for (int field = 0; field < 2; field++) {
                long value = 0;
                while (i < length && text[i] == ' ') {
                    i++;
                }
                while (i < length && text[i] >= '0' && text[i] <= '9') {
                    value = value * 10 + (text[i++] - '0');
                }
                sum += value;
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
