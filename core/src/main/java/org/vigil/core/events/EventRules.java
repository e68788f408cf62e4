package org.vigil.core.events;

import java.util.Set;

/**
 * When motion makes an event: durations in nanoseconds of the frames' monotonic clock, never in frames (the detection
 * rate changes with load).
 *
 * @param minimumMotionFrames motion detections in a row that start an event
 * @param gapNanos            quiet time after the last motion that ends the event
 * @param maxMovieNanos       longest movie: a longer event goes on in a new movie
 * @param zones               the zones whose motion counts; empty: motion anywhere counts
 */
public record EventRules(int minimumMotionFrames, long gapNanos, long maxMovieNanos, Set<String> zones) {
    public EventRules {
        if (minimumMotionFrames < 1) {
            throw new IllegalArgumentException("minimumMotionFrames must be at least 1: " + minimumMotionFrames);
        }
        zones = Set.copyOf(zones);
    }
}
