package org.vigil.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One schedule of one camera, from the config or added with {@code vigil schedule add}: what it gates, its windows
 * (required for recording and detection, optional for snapshots and timelapse), its interval, zone and exceptions.
 *
 * @param id            {@code config:CAMERA:N} for the Nth of a camera's section, {@code cli:ID} for a stored one
 * @param segmentLength how long each movie of a recording window is
 */
public record Schedule(String id, String camera, ScheduleKind kind, Optional<WindowRule> window, Optional<Duration> every,
                       ZoneId zone, DateExceptions exceptions, Duration segmentLength) {
    public static final Duration DEFAULT_SEGMENT = Duration.ofMinutes(10);
    private static final Duration HORIZON = Duration.ofDays(366 * 5);

    public Schedule {
        if (kind.needsWindow() && window.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.key() + " schedule needs a window: days with from and to, or "
                    + "a cron expression with a duration");
        }
        if (kind.needsInterval() && every.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.key() + " schedule needs 'every' (e.g. 10m)");
        }
        if (every.isPresent() && every.get().compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("'every' is at least 1 s");
        }
        if (segmentLength.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("segment-length is at least 10 s");
        }
    }

    /** The windows overlapping {@code [from, to)}, merged where they overlap. */
    public List<Window> windows(Instant from, Instant to) {
        return window.map(rule -> Windows.merge(rule.windows(from, to, zone, exceptions))).orElse(List.of());
    }

    /**
     * The window open at {@code at}, if any: what a daemon started (or restarted) inside a window resumes, for the
     * rest of it.
     */
    public Optional<Window> openAt(Instant at) {
        if (window.isEmpty()) {
            return Optional.empty();
        }
        Instant from = at.minus(window.get().longest());
        return windows(from, at.plusNanos(1)).stream().filter(w -> w.contains(at)).findFirst();
    }

    /** Whether this schedule's gate is open at {@code at}: always, for an interval kind without a window. */
    public boolean activeAt(Instant at) {
        return window.isEmpty() ? exceptions.includes(LocalTimeline.local(at, zone).toLocalDate()) : openAt(at).isPresent();
    }

    /** The next {@code count} windows that open after {@code after}. */
    public List<Window> nextWindows(Instant after, int count) {
        List<Window> found = new ArrayList<>();
        Instant from = after;
        Duration step = Duration.ofDays(8);
        while (found.size() < count && Duration.between(after, from).compareTo(HORIZON) < 0) {
            for (Window w : windows(from, from.plus(step))) {
                if (w.start().isAfter(after) && (found.isEmpty() || w.start().isAfter(found.get(found.size() - 1).start()))
                        && found.size() < count) {
                    found.add(w);
                }
            }
            from = from.plus(step);
        }
        return found;
    }

    /** The next firing of an interval kind after {@code after}: on multiples of {@code every}, where the gate is open. */
    public Optional<Instant> nextFiring(Instant after) {
        if (every.isEmpty()) {
            return Optional.empty();
        }
        long everyMillis = every.get().toMillis();
        long next = Math.floorDiv(after.toEpochMilli(), everyMillis) * everyMillis + everyMillis;
        Instant limit = after.plus(HORIZON);
        Instant candidate = Instant.ofEpochMilli(next);
        while (candidate.isBefore(limit)) {
            if (activeAt(candidate)) {
                return Optional.of(candidate);
            }
            Instant skipTo = candidate.plus(every.get());
            if (window.isPresent()) {
                List<Window> upcoming = nextWindows(candidate, 1);
                if (upcoming.isEmpty()) {
                    return Optional.empty();
                }
                long start = upcoming.get(0).start().toEpochMilli();
                skipTo = Instant.ofEpochMilli(Math.floorDiv(start + everyMillis - 1, everyMillis) * everyMillis);
            }
            candidate = skipTo.isAfter(candidate) ? skipTo : candidate.plus(every.get());
        }
        return Optional.empty();
    }

    /** One line for logs and {@code schedule list}. */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.key());
        every.ifPresent(interval -> text.append(" every ").append(Durations.format(interval)));
        window.ifPresent(rule -> text.append(every.isPresent() ? " during " : " ").append(rule.describe()));
        text.append(" (").append(zone.getId()).append(')');
        if (!exceptions.except().isEmpty()) {
            text.append(" except ").append(exceptions.except());
        }
        if (!exceptions.only().isEmpty()) {
            text.append(" only ").append(exceptions.only());
        }
        if (kind == ScheduleKind.RECORD) {
            text.append(", segments of ").append(Durations.format(segmentLength));
        }
        return text.toString();
    }
}
