package org.vigil.core.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Days of the week with a start and an end time on the wall clock, e.g. Monday to Friday 07:30–08:15. A window whose
 * end is not after its start crosses midnight (22:00–06:00 opens on the day named and closes the next morning); an
 * end of 24:00 is midnight at the end of the day. Its real length follows the clock: a 01:00–04:00 window lasts two
 * hours on the night the clocks go forward and four on the night they go back. A window wholly inside a spring gap
 * keeps its length from the end of the gap rather than vanishing.
 *
 * @param untilMidnight whether the end is 24:00 (then {@code to} is 00:00)
 */
public record WeeklyRule(Set<DayOfWeek> days, LocalTime from, LocalTime to, boolean untilMidnight) implements WindowRule {
    public WeeklyRule {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a weekly window needs at least one day");
        }
        if (from.equals(to) && !untilMidnight) {
            throw new IllegalArgumentException("a window from " + from + " to " + to + " is empty; for a whole day "
                    + "write 00:00 to 24:00");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    private boolean crossesMidnight() {
        return untilMidnight || !to.isAfter(from);
    }

    private Duration nominal() {
        Duration length = Duration.between(from, to);
        return crossesMidnight() ? length.plusDays(1) : length;
    }

    @Override
    public List<Window> windows(Instant from, Instant to, ZoneId zone, DateExceptions exceptions) {
        LocalDate first = LocalTimeline.local(from, zone).toLocalDate().minusDays(1);
        LocalDate last = LocalTimeline.local(to, zone).toLocalDate();
        List<Window> found = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (!days.contains(date.getDayOfWeek()) || !exceptions.includes(date)) {
                continue;
            }
            Instant start = LocalTimeline.instant(date.atTime(this.from), zone);
            Instant end = LocalTimeline.instant((crossesMidnight() ? date.plusDays(1) : date).atTime(this.to), zone);
            if (!end.isAfter(start)) {
                end = start.plus(nominal()); // both ends in one spring gap
            }
            Window window = new Window(start, end);
            if (window.end().isAfter(from) && window.start().isBefore(to)) {
                found.add(window);
            }
        }
        return found;
    }

    @Override
    public Duration longest() {
        return nominal().plusHours(2); // a change of clocks adds at most an hour or two
    }

    @Override
    public String describe() {
        return ScheduleOptions.formatDays(days) + " " + from + "-" + (untilMidnight ? "24:00" : to.toString());
    }
}
