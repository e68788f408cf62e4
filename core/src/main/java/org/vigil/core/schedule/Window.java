package org.vigil.core.schedule;

import java.time.Duration;
import java.time.Instant;

/** One opening of a schedule: from {@code start} (inclusive) to {@code end} (exclusive), as real instants. */
public record Window(Instant start, Instant end) {
    public Window {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window ends after it starts: " + start + " .. " + end);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
