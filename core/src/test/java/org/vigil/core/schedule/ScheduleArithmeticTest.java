package org.vigil.core.schedule;

import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schedule arithmetic on fixed instants: no clock, no sleeping. */
class ScheduleArithmeticTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    private static Schedule weekly(Set<DayOfWeek> days, String from, String to, ZoneId zone) {
        return weekly(days, from, to, zone, DateExceptions.none(zone));
    }

    private static Schedule weekly(Set<DayOfWeek> days, String from, String to, ZoneId zone, DateExceptions exceptions) {
        boolean midnight = to.equals("24:00");
        WindowRule rule = new WeeklyRule(days, LocalTime.parse(from), midnight ? LocalTime.MIDNIGHT : LocalTime.parse(to),
                midnight);
        return new Schedule("config:cam:1", "cam", ScheduleKind.RECORD, Optional.of(rule), Optional.empty(), zone,
                exceptions, Schedule.DEFAULT_SEGMENT);
    }

    private static Schedule cron(String expression, Duration length, ZoneId zone) {
        return new Schedule("config:cam:1", "cam", ScheduleKind.DETECT, Optional.of(new CronRule(expression, length)),
                Optional.empty(), zone, DateExceptions.none(zone), Schedule.DEFAULT_SEGMENT);
    }

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static boolean open(Schedule schedule, String local, ZoneId zone) {
        return schedule.openAt(at(local, zone)).isPresent();
    }

    @Test
    void weekdayWindowsOpenOnWeekdaysOnly() {
        Schedule driveway = weekly(WEEKDAYS, "07:30", "08:15", BERLIN);
        assertTrue(open(driveway, "2026-12-07T07:30", BERLIN), "Monday 07:30");
        assertTrue(open(driveway, "2026-12-11T08:14:59", BERLIN), "Friday 08:14:59");
        assertFalse(open(driveway, "2026-12-11T08:15", BERLIN), "the end is not in the window");
        assertFalse(open(driveway, "2026-12-12T07:45", BERLIN), "Saturday");
        assertFalse(open(driveway, "2026-12-07T07:29:59", BERLIN));
        List<Window> week = driveway.windows(at("2026-12-07T00:00", BERLIN), at("2026-12-14T00:00", BERLIN));
        assertEquals(5, week.size(), week.toString());
        week.forEach(window -> assertEquals(Duration.ofMinutes(45), window.length()));
    }

    @Test
    void theGivenWindowHoldsItsInsideAndNotItsOutside() {
        Schedule schedule = weekly(EVERY_DAY, "09:05", "11:30", BERLIN);
        assertTrue(open(schedule, "2026-12-02T10:00", BERLIN));
        assertTrue(open(schedule, "2026-12-02T11:29", BERLIN));
        assertFalse(open(schedule, "2026-12-02T11:31", BERLIN));
        assertFalse(open(schedule, "2026-12-02T09:04", BERLIN));
    }

    @Test
    void aWindowAcrossMidnightOpensOnItsDayAndClosesTheNextMorning() {
        Schedule night = weekly(EnumSet.of(DayOfWeek.FRIDAY), "22:00", "06:00", BERLIN);
        assertTrue(open(night, "2026-12-04T23:59", BERLIN), "Friday night");
        assertTrue(open(night, "2026-12-05T05:59", BERLIN), "Saturday morning, still Friday's window");
        assertFalse(open(night, "2026-12-05T22:30", BERLIN), "Saturday night is not Friday's");
        assertFalse(open(night, "2026-12-04T05:00", BERLIN), "Friday morning belongs to Thursday, which is not named");
        assertEquals(Duration.ofHours(8), night.openAt(at("2026-12-05T01:00", BERLIN)).orElseThrow().length());
        Schedule wholeDay = weekly(EnumSet.of(DayOfWeek.SUNDAY), "00:00", "24:00", BERLIN);
        assertTrue(open(wholeDay, "2026-12-06T23:59:59", BERLIN));
        assertFalse(open(wholeDay, "2026-12-07T00:00", BERLIN));
    }

    @Test
    void springForwardLosesNoWindowAndAWindowAcrossItLastsItsRealLength() {
        for (ZoneId zone : List.of(BERLIN, NEW_YORK)) {
            String day = zone == BERLIN ? "2026-03-29" : "2026-03-08";
            Schedule across = weekly(EVERY_DAY, "01:00", "04:00", zone);
            assertEquals(Duration.ofHours(2), across.openAt(at(day + "T01:30", zone)).orElseThrow().length(), zone.getId());
            // 02:30 does not exist that night: the window opens when the clock leaves the gap, at 03:00
            Schedule inGap = weekly(EVERY_DAY, "02:30", "03:30", zone);
            Window moved = inGap.nextWindows(at(day + "T00:00", zone), 1).get(0);
            assertEquals(ZonedDateTime.of(LocalDate.parse(day), LocalTime.of(3, 0), zone).toInstant(), moved.start());
            assertEquals(Duration.ofMinutes(30), moved.length());
            Schedule whollyInGap = weekly(EVERY_DAY, "02:10", "02:40", zone);
            assertEquals(Duration.ofMinutes(30), whollyInGap.nextWindows(at(day + "T00:00", zone), 1).get(0).length(),
                    "a window inside the gap keeps its length");
            // a cron window at 02:30: Quartz in the zone has no firing that day; vigil has one, at 03:00
            Schedule cron = cron("0 30 2 * * ?", Duration.ofHours(1), zone);
            List<Window> days = cron.windows(at(day + "T00:00", zone).minus(Duration.ofDays(2)),
                    at(day + "T00:00", zone).plus(Duration.ofDays(3)));
            assertEquals(5, days.size(), zone + ": one window a day, " + days);
            assertEquals(ZonedDateTime.of(LocalDate.parse(day), LocalTime.of(3, 0), zone).toInstant(), days.get(2).start());
        }
    }

    @Test
    void quartzAloneWouldLoseTheSpringWindow() throws Exception {
        // what CronRule works around: evaluated in the zone, 02:30 daily skips the day of the change
        CronExpression inZone = new CronExpression("0 30 2 * * ?");
        inZone.setTimeZone(TimeZone.getTimeZone(BERLIN));
        Date next = inZone.getTimeAfter(Date.from(at("2026-03-28T12:00", BERLIN)));
        assertEquals(LocalDate.parse("2026-03-30"), LocalDateTime.ofInstant(next.toInstant(), BERLIN).toLocalDate());
    }

    @Test
    void fallBackRunsNoWindowTwiceAndAWindowAcrossItLastsItsRealLength() {
        for (ZoneId zone : List.of(BERLIN, NEW_YORK)) {
            String day = zone == BERLIN ? "2026-10-25" : "2026-11-01";
            String repeated = zone == BERLIN ? "02:00" : "01:00";
            Schedule across = weekly(EVERY_DAY, "00:30", "04:00", zone);
            assertEquals(Duration.ofMinutes(270), across.openAt(at(day + "T00:45", zone)).orElseThrow().length(),
                    zone.getId());
            // a window inside the repeated hour runs on its first pass only
            LocalTime from = LocalTime.parse(repeated);
            Schedule inRepeat = weekly(EVERY_DAY, from.toString(), from.plusMinutes(30).toString(), zone);
            List<Window> that = inRepeat.windows(at(day + "T00:00", zone), at(day + "T06:00", zone));
            assertEquals(1, that.size(), that.toString());
            assertEquals(Duration.ofMinutes(30), that.get(0).length());
            Instant secondPass = LocalDateTime.parse(day + "T" + from.plusMinutes(10)).atZone(zone)
                    .withLaterOffsetAtOverlap().toInstant();
            assertTrue(inRepeat.openAt(secondPass).isEmpty(), "the repeated hour's second pass is outside the window");
            // a cron every half hour, ten-minute windows: each half hour of the night once, the repeated ones not twice
            Schedule halfHourly = cron("0 0/30 * * * ?", Duration.ofMinutes(10), zone);
            List<Window> night = halfHourly.windows(at(day + "T00:00", zone), at(day + "T05:00", zone));
            assertEquals(10, night.size(), zone + ": " + night);
        }
    }

    @Test
    void aHalfHourZoneKeepsItsOffset() {
        Schedule schedule = weekly(EVERY_DAY, "09:05", "11:30", KOLKATA);
        Window window = schedule.nextWindows(Instant.parse("2026-12-01T00:00:00Z"), 1).get(0);
        assertEquals(Instant.parse("2026-12-01T03:35:00Z"), window.start());
        assertEquals(Instant.parse("2026-12-01T06:00:00Z"), window.end());
        assertTrue(schedule.openAt(Instant.parse("2026-12-01T05:59:00Z")).isPresent());
        assertFalse(schedule.openAt(Instant.parse("2026-12-01T06:01:00Z")).isPresent());
    }

    @Test
    void holidaysAreSkippedAndAOneOffRunsOnItsDateOnly() {
        DateExceptions christmas = new DateExceptions(Set.of(LocalDate.parse("2026-12-25")), Set.of(), BERLIN);
        Schedule work = weekly(WEEKDAYS, "07:30", "08:15", BERLIN, christmas);
        assertFalse(open(work, "2026-12-25T07:45", BERLIN), "Christmas is a Friday off");
        assertTrue(open(work, "2026-12-24T07:45", BERLIN));
        assertEquals(4, work.windows(at("2026-12-21T00:00", BERLIN), at("2026-12-28T00:00", BERLIN)).size());
        DateExceptions once = new DateExceptions(Set.of(), Set.of(LocalDate.parse("2026-12-31")), BERLIN);
        Schedule party = weekly(EVERY_DAY, "22:00", "03:00", BERLIN, once);
        List<Window> december = party.windows(at("2026-12-01T00:00", BERLIN), at("2027-01-10T00:00", BERLIN));
        assertEquals(1, december.size(), december.toString());
        assertTrue(open(party, "2027-01-01T02:00", BERLIN), "New Year's Eve's window runs into the next day");
        assertTrue(party.nextWindows(at("2027-01-02T00:00", BERLIN), 1).isEmpty(), "nothing after the one-off");
        // the Quartz calendar says the same to Quartz's own triggers
        assertFalse(christmas.isTimeIncluded(at("2026-12-25T12:00", BERLIN).toEpochMilli()));
        assertTrue(christmas.isTimeIncluded(at("2026-12-26T00:00", BERLIN).toEpochMilli()));
        assertEquals(at("2026-12-26T00:00", BERLIN).toEpochMilli(),
                christmas.getNextIncludedTime(at("2026-12-24T23:59:59", BERLIN).toEpochMilli() + 1000));
    }

    @Test
    void aRestartInsideAWindowResumesItForTheRestOfIt() {
        Schedule driveway = weekly(WEEKDAYS, "07:30", "08:15", BERLIN);
        Instant rebootedAt = at("2026-12-07T08:00", BERLIN);
        Window resumed = driveway.openAt(rebootedAt).orElseThrow();
        assertEquals(at("2026-12-07T08:15", BERLIN), resumed.end());
        assertEquals(Duration.ofMinutes(15), Duration.between(rebootedAt, resumed.end()), "the rest of the window");
        assertTrue(driveway.openAt(at("2026-12-07T08:20", BERLIN)).isEmpty(), "after it, nothing to resume");
        Schedule cronWindow = cron("0 0 22 * * ?", Duration.ofHours(9), BERLIN);
        assertEquals(at("2026-12-08T07:00", BERLIN), cronWindow.openAt(at("2026-12-08T03:00", BERLIN)).orElseThrow().end());
    }

    @Test
    void overlappingWindowsMerge() {
        Schedule morning = weekly(EVERY_DAY, "07:00", "09:00", BERLIN);
        Schedule late = weekly(EVERY_DAY, "08:30", "10:00", BERLIN);
        Schedule evening = weekly(EVERY_DAY, "18:00", "19:00", BERLIN);
        Instant from = at("2026-12-02T00:00", BERLIN);
        Instant to = at("2026-12-03T00:00", BERLIN);
        List<Window> all = new java.util.ArrayList<>(morning.windows(from, to));
        all.addAll(late.windows(from, to));
        all.addAll(evening.windows(from, to));
        List<Window> merged = Windows.merge(all);
        assertEquals(List.of(new Window(at("2026-12-02T07:00", BERLIN), at("2026-12-02T10:00", BERLIN)),
                new Window(at("2026-12-02T18:00", BERLIN), at("2026-12-02T19:00", BERLIN))), merged);
        // a cron firing every minute with five-minute windows is one window for as long as it fires
        Schedule everyMinute = cron("0 * 7 * * ?", Duration.ofMinutes(5), BERLIN);
        List<Window> hour = everyMinute.windows(at("2026-12-02T06:00", BERLIN), at("2026-12-02T09:00", BERLIN));
        assertEquals(List.of(new Window(at("2026-12-02T07:00", BERLIN), at("2026-12-02T08:04", BERLIN))), hour);
    }

    @Test
    void intervalsFireOnTheirMultiplesInsideTheirWindow() {
        Schedule snapshots = new Schedule("cli:1", "cam", ScheduleKind.SNAPSHOT,
                Optional.of(new WeeklyRule(EVERY_DAY, LocalTime.of(8, 0), LocalTime.of(9, 0), false)),
                Optional.of(Duration.ofMinutes(10)), BERLIN, DateExceptions.none(BERLIN), Schedule.DEFAULT_SEGMENT);
        assertEquals(at("2026-12-02T08:10", BERLIN), snapshots.nextFiring(at("2026-12-02T08:03", BERLIN)).orElseThrow());
        assertEquals(at("2026-12-03T08:00", BERLIN), snapshots.nextFiring(at("2026-12-02T08:55", BERLIN)).orElseThrow(),
                "after the window, the next one's start");
        Schedule always = new Schedule("cli:2", "cam", ScheduleKind.TIMELAPSE, Optional.empty(),
                Optional.of(Duration.ofSeconds(30)), BERLIN, DateExceptions.none(BERLIN), Schedule.DEFAULT_SEGMENT);
        assertEquals(Instant.parse("2026-12-02T10:00:30Z"), always.nextFiring(Instant.parse("2026-12-02T10:00:00Z"))
                .orElseThrow());
    }

    @Test
    void badRulesAreRefusedWithWhatToWrite() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CronRule("0 30 25 * * ?", Duration.ofHours(1)))
                .getMessage().contains("is not a Quartz cron expression"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WeeklyRule(EVERY_DAY, LocalTime.NOON,
                LocalTime.NOON, false)).getMessage().contains("00:00 to 24:00"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Schedule("cli:1", "cam", ScheduleKind.RECORD,
                Optional.empty(), Optional.empty(), BERLIN, DateExceptions.none(BERLIN), Schedule.DEFAULT_SEGMENT))
                .getMessage().contains("needs a window"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofSeconds(45), Durations.parse("45"));
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("ten minutes"));
    }
}
