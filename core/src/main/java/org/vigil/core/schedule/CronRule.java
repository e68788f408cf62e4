package org.vigil.core.schedule;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * A Quartz cron expression for the openings, each window lasting {@code length} of real time.
 *
 * <p>The expression is evaluated on the wall clock, not in the zone: Quartz, given the zone, skips a firing the
 * spring change jumps over (02:30 daily in Europe/Berlin has none on 2026-03-29), losing that day's window. So
 * Quartz evaluates it on a clock without changes (UTC standing for the local time line) and {@link LocalTimeline}
 * places each time: a skipped time opens at the end of the gap, a repeated one at its first pass.
 */
public record CronRule(String expression, Duration length) implements WindowRule {
    private static final int MAX_FIRINGS = 100_000;

    public CronRule {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a window lasts longer than 0 s");
        }
        try {
            wallClock(expression);
        } catch (ParseException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a Quartz cron expression (seconds minutes "
                    + "hours day-of-month month day-of-week [year], e.g. '0 30 7 ? * MON-FRI'): " + e.getMessage());
        }
    }

    private static CronExpression wallClock(String expression) throws ParseException {
        CronExpression cron = new CronExpression(expression);
        cron.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        return cron;
    }

    @Override
    public List<Window> windows(Instant from, Instant to, ZoneId zone, DateExceptions exceptions) {
        CronExpression cron;
        try {
            cron = wallClock(expression);
        } catch (ParseException e) {
            throw new IllegalStateException(e); // checked when made
        }
        LocalDateTime localFrom = LocalTimeline.local(from.minus(length), zone).minusHours(2);
        LocalDateTime localTo = LocalTimeline.local(to, zone).plusHours(2);
        List<Window> found = new ArrayList<>();
        Date after = Date.from(localFrom.toInstant(ZoneOffset.UTC));
        for (int firing = 0; firing < MAX_FIRINGS; firing++) {
            Date next = cron.getTimeAfter(after);
            if (next == null) {
                break;
            }
            LocalDateTime local = LocalDateTime.ofInstant(next.toInstant(), ZoneOffset.UTC);
            if (local.isAfter(localTo)) {
                break;
            }
            after = next;
            if (!exceptions.includes(local.toLocalDate())) {
                continue;
            }
            Instant start = LocalTimeline.instant(local, zone);
            Window window = new Window(start, start.plus(length));
            boolean sameStart = !found.isEmpty() && found.get(found.size() - 1).start().equals(start);
            if (window.end().isAfter(from) && window.start().isBefore(to) && !sameStart) {
                found.add(window);
            }
        }
        return found;
    }

    @Override
    public Duration longest() {
        return length;
    }

    @Override
    public String describe() {
        return "cron '" + expression + "' for " + Durations.format(length);
    }
}
