package org.vigil.vloop;

import java.time.Duration;

/** Waits between reopen attempts: the first after {@code first}, each later one twice as long, never beyond {@code max}. */
public final class Backoff {
    private final long firstNanos;
    private final long maxNanos;
    private long nextNanos;

    public Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff wants 0 < first <= max, got " + first + " and " + max);
        }
        this.firstNanos = first.toNanos();
        this.maxNanos = max.toNanos();
        this.nextNanos = firstNanos;
    }

    /** Half a second, doubling up to ten: quick when a viewer app merely restarted, quiet when the module is gone. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    /** The wait before the next attempt; the one after will be twice as long. */
    public long nextDelayNanos() {
        long delay = nextNanos;
        nextNanos = Math.min(maxNanos, nextNanos * 2);
        return delay;
    }

    /** After a success: the next outage starts with the short wait again. */
    public void reset() {
        nextNanos = firstNanos;
    }
}
