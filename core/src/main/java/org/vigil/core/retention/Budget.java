package org.vigil.core.retention;

import java.time.Duration;

/**
 * How much a camera (or all of them together) may keep: files older than {@code maxAge} go, and the oldest go while
 * the total is over {@code maxBytes}; zero means no limit.
 */
public record Budget(Duration maxAge, long maxBytes) {
    public static final Budget UNLIMITED = new Budget(Duration.ZERO, 0);

    public boolean limitsAge() {
        return !maxAge.isZero();
    }

    public boolean limitsBytes() {
        return maxBytes > 0;
    }
}
