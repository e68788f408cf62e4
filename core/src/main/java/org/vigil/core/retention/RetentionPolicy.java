package org.vigil.core.retention;

import java.time.Duration;
import java.util.Map;

/**
 * What retention keeps: each camera's budget, everyone's together, and the free space the file system must keep.
 *
 * @param interval how often retention runs (it also runs at once when a recorder finds less than minFree)
 */
public record RetentionPolicy(Budget global, Map<String, Budget> cameras, long minFree, Duration interval) {
    public RetentionPolicy {
        cameras = Map.copyOf(cameras);
    }

    public Budget camera(String name) {
        return cameras.getOrDefault(name, Budget.UNLIMITED);
    }
}
