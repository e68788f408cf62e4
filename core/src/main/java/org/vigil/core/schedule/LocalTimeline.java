package org.vigil.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Where a wall-clock time falls in real time, the one rule every schedule follows through daylight-saving changes: a
 * time the spring change skips happens at the end of the gap (a window set to open at 02:30 opens at 03:00, not a day
 * later); a time the autumn change repeats happens at its first pass (a window runs once, not twice).
 */
final class LocalTimeline {
    private LocalTimeline() {
    }

    static Instant instant(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0)); // in an overlap, the offset before the change: the earlier instant
    }

    static LocalDateTime local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
