package org.vigil.core.store;

import java.time.Instant;
import java.util.Map;

/** A schedule added with {@code vigil schedule add}: its camera and each of its keys' text, as given. */
public record StoredSchedule(long id, String camera, Map<String, String> options, Instant created) {
    public StoredSchedule {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    /** The id schedules go by in logs, in recordings' rows and in {@code schedule list}. */
    public String scheduleId() {
        return "cli:" + id;
    }
}
