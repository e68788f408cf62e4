package org.vigil.core.schedule;

import org.quartz.impl.calendar.BaseCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

/**
 * A schedule's exceptions as a Quartz calendar: dates it does not run on (holidays) and, when any are given, the only
 * dates it runs on (a one-off). A date is the schedule's own, in its zone; a window belongs to the date it opens on.
 * Quartz consults it for interval triggers; windows ask {@link #includes(LocalDate)} for their opening date.
 */
public final class DateExceptions extends BaseCalendar {
    private static final long serialVersionUID = 1L;
    private static final int SEARCH_DAYS = 366 * 10;

    private final TreeSet<LocalDate> except;
    private final TreeSet<LocalDate> only;
    private final ZoneId zone;

    public DateExceptions(Set<LocalDate> except, Set<LocalDate> only, ZoneId zone) {
        this.except = new TreeSet<>(except);
        this.only = new TreeSet<>(only);
        this.zone = zone;
        setTimeZone(TimeZone.getTimeZone(zone));
    }

    public static DateExceptions none(ZoneId zone) {
        return new DateExceptions(Set.of(), Set.of(), zone);
    }

    public Set<LocalDate> except() {
        return java.util.Collections.unmodifiableSet(except);
    }

    public Set<LocalDate> only() {
        return java.util.Collections.unmodifiableSet(only);
    }

    public boolean includes(LocalDate date) {
        return !except.contains(date) && (only.isEmpty() || only.contains(date));
    }

    @Override
    public boolean isTimeIncluded(long timeStamp) {
        return super.isTimeIncluded(timeStamp) && includes(LocalDate.ofInstant(Instant.ofEpochMilli(timeStamp), zone));
    }

    @Override
    public long getNextIncludedTime(long timeStamp) {
        long next = super.getNextIncludedTime(timeStamp);
        LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(next), zone);
        for (int day = 0; day < SEARCH_DAYS && !includes(date); day++) {
            date = date.plusDays(1);
            next = date.atStartOfDay(zone).toInstant().toEpochMilli();
        }
        return next;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DateExceptions that && except.equals(that.except) && only.equals(that.only)
                && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(except, only, zone);
    }

    @Override
    public Object clone() {
        return new DateExceptions(except, only, zone);
    }
}
