package org.vigil.core.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A time as `vigil events` takes it: an age back from now (30m, 2h, 7d), a local date (2026-11-30, its midnight), a
 * local date and time (2026-11-30T22:00 or "2026-11-30 22:00"), or an instant with its offset (2026-11-30T21:00Z).
 */
final class TimeArgument {
    private TimeArgument() {
    }

    static Instant parse(String text, Instant now, ZoneId zone) {
        String t = text.strip();
        if (t.matches("\\d+[smhd]")) {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration age = switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(age);
        }
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t).atStartOfDay(zone).toInstant();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return java.time.OffsetDateTime.parse(t.replace(' ', 'T')).toInstant();
            }
            return LocalDateTime.parse(t.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: write an age (30m, 2h, 7d), a date "
                    + "(2026-11-30) or a date and time (2026-11-30T22:00)");
        }
    }
}
