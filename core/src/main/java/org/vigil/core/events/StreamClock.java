package org.vigil.core.events;

import java.time.Instant;

/**
 * A stream's frame timestamps paired once with the wall clock: durations come from the frames' monotonic clock, and
 * the instants stored and shown are that pairing plus the monotonic distance, so an NTP step or a DST change neither
 * splits nor joins events.
 */
public record StreamClock(long monotonicNanos, long wallEpochNanos) {
    public static StreamClock pairedAt(long frameNanos) {
        Instant now = Instant.now();
        return new StreamClock(frameNanos, now.getEpochSecond() * 1_000_000_000L + now.getNano());
    }

    public Instant wall(long frameNanos) {
        long epochNanos = wallEpochNanos + (frameNanos - monotonicNanos);
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
