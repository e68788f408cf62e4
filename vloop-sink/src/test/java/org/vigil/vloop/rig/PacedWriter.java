package org.vigil.vloop.rig;

import org.vigil.vloop.LoopbackSink;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Feeds a sink at a camera's pace: frame k is due at start + k periods, numbered in its pixels (stamped, see
 * {@link NumberedFrames#stamp}), and written as soon as it is due; records how long each accept() took, how much of
 * that the writer spent asleep (see {@link ThreadCpuAccount}), and when each frame went out, for the frame-rate checks.
 */
final class PacedWriter {
    private final LoopbackSink sink;
    private final ByteBuffer image;
    private final int bytes;
    private final long periodNanos;

    PacedWriter(LoopbackSink sink, int bytes, int fps) {
        this.sink = sink;
        this.bytes = bytes;
        this.image = ByteBuffer.allocateDirect(bytes);
        this.periodNanos = 1_000_000_000L / fps;
        NumberedFrames.fill(image, bytes, 0);
    }

    /** What one run did. */
    record Run(long[] costNanos, long[] asleepNanos, long[] doneNanos, long[] dueNanos, long periodNanos) {
        int frames() {
            return costNanos.length;
        }

        long maxCostNanos() {
            return Arrays.stream(costNanos).max().orElse(0);
        }

        /** The longest time one accept() left the writer asleep: held up, not merely short of a CPU. */
        long maxAsleepNanos() {
            return Arrays.stream(asleepNanos).max().orElse(0);
        }

        /**
         * How far the writer fell behind its schedule at worst: how much later than due a frame went out. A frame
         * period or less is a dip of at most one frame.
         */
        long maxLatenessNanos() {
            long max = 0;
            for (int i = 0; i < doneNanos.length; i++) {
                max = Math.max(max, doneNanos[i] - dueNanos[i]);
            }
            return max;
        }

        String summary() {
            long[] sorted = costNanos.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%d frames, accept() median %.2f ms, max %.2f ms, asleep in it at most "
                            + "%.2f ms; at worst %.1f ms behind schedule (period %.1f ms)", frames(),
                    sorted[sorted.length / 2] / 1e6, maxCostNanos() / 1e6, maxAsleepNanos() / 1e6,
                    maxLatenessNanos() / 1e6, periodNanos / 1e6);
        }
    }

    /** Writes frames firstNumber, firstNumber + 1, ... until {@code done} and at least {@code minimum} frames. */
    Run run(int firstNumber, int minimum, int maximum, BooleanSupplier done) {
        long[] cost = new long[maximum];
        long[] asleep = new long[maximum];
        long[] out = new long[maximum];
        long[] due = new long[maximum];
        // The sink allocates nothing per frame, but earlier tests in this JVM left garbage: collect it now rather
        // than in the middle of the timed run, where the pause would be charged to the sink.
        System.gc();
        int k = 0;
        try (ThreadCpuAccount account = new ThreadCpuAccount()) {
            long start = System.nanoTime();
            while (k < maximum && (k < minimum || !done.getAsBoolean())) {
                due[k] = start + k * periodNanos;
                long wait = due[k] - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                NumberedFrames.stamp(image, bytes, firstNumber + k);
                long awakeBefore = account.awakeNanos();
                long before = System.nanoTime();
                sink.accept(image);
                long after = System.nanoTime();
                long awake = account.awakeNanos() - awakeBefore;
                cost[k] = after - before;
                // The second reading's own time is counted awake but not in the wall time: clamp at zero.
                asleep[k] = Math.max(0, cost[k] - awake);
                out[k] = after;
                k++;
            }
        }
        return new Run(Arrays.copyOf(cost, k), Arrays.copyOf(asleep, k), Arrays.copyOf(out, k), Arrays.copyOf(due, k),
                periodNanos);
    }
}
