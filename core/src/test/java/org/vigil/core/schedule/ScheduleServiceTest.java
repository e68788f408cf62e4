package org.vigil.core.schedule;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.core.store.RecordingEnd;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on real Quartz, with windows seconds long: what the cameras are told, and when. Waits are generous
 * (Quartz fires on time to a few milliseconds; the test only needs the order).
 */
class ScheduleServiceTest {
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private final Calls calls = new Calls();
    private ScheduleService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** Every call the service made, as text, in order. */
    private static final class Calls implements ScheduleTarget {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void arm(String camera, boolean armed) {
            seen.add(camera + " " + (armed ? "armed" : "disarmed"));
        }

        @Override
        public void recordUntil(String camera, String schedule, Instant until, Duration segmentLength) {
            seen.add(camera + " record until " + until.truncatedTo(ChronoUnit.SECONDS));
        }

        @Override
        public void recordingClosed(String camera, RecordingEnd reason) {
            seen.add(camera + " recording closed " + reason.word());
        }

        @Override
        public void snapshot(String camera, String schedule) {
            seen.add(camera + " snapshot");
        }

        @Override
        public void timelapseFrame(String camera, String schedule, Duration every) {
            seen.add(camera + " timelapse");
        }

        void await(Predicate<List<String>> done, String what) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!done.test(seen)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("waited 20 s for " + what + "; calls: " + seen);
                }
                Thread.sleep(20);
            }
        }
    }

    /** A window from {@code from} to {@code to} seconds from now, every day, at whole seconds. */
    private static Schedule window(String id, ScheduleKind kind, Instant now, int from, int to) {
        LocalTime start = LocalTime.ofInstant(now.plusSeconds(from), ZONE).truncatedTo(ChronoUnit.SECONDS);
        LocalTime end = LocalTime.ofInstant(now.plusSeconds(to), ZONE).truncatedTo(ChronoUnit.SECONDS);
        return new Schedule(id, "cam", kind, Optional.of(new WeeklyRule(EnumSet.allOf(DayOfWeek.class), start, end,
                false)), Optional.empty(), ZONE, DateExceptions.none(ZONE), Schedule.DEFAULT_SEGMENT);
    }

    private static Instant secondsFrom(Instant now, int seconds) {
        return now.plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void startedInsideOverlappingRecordingWindowsItRecordsToTheLatestEndAndClosesOnce() throws Exception {
        Instant now = Instant.now();
        List<Schedule> schedules = List.of(window("config:cam:1", ScheduleKind.RECORD, now, -10, 2),
                window("config:cam:2", ScheduleKind.RECORD, now, -1, 4));
        service = ScheduleService.start(calls, () -> schedules, Set.of("cam"));
        calls.await(seen -> seen.contains("cam recording closed window-end"), "the recording to close");
        assertEquals(List.of("cam record until " + secondsFrom(now, 4), "cam recording closed window-end"), calls.seen,
                "one recording to the later end; the first window's end closes nothing");
    }

    @Test
    void startedInsideAWindowItWaitsForTheNextOneToo() throws Exception {
        Instant now = Instant.now();
        Schedule daily = window("config:cam:1", ScheduleKind.RECORD, now, -10, 600);
        service = ScheduleService.start(calls, () -> List.of(daily), Set.of("cam"));
        calls.await(seen -> !seen.isEmpty(), "the open window");
        assertEquals(Optional.of(daily.nextWindows(now, 1).get(0).start()), service.nextOpening("config:cam:1"),
                "tomorrow's window is on Quartz");
    }

    @Test
    void aDetectionWindowArmsTheCameraOnlyWhileItIsOpen() throws Exception {
        Instant now = Instant.now();
        List<Schedule> schedules = List.of(window("config:cam:1", ScheduleKind.DETECT, now, 2, 4));
        service = ScheduleService.start(calls, () -> schedules, Set.of("cam", "other"));
        calls.await(seen -> seen.size() >= 3, "disarmed, armed, disarmed");
        assertEquals(List.of("cam disarmed", "cam armed", "cam disarmed"), calls.seen, "a camera without detection "
                + "schedules (other) is never told: it stays armed");
    }

    @Test
    void schedulesAddedAndRemovedWhileRunningTakeEffect() throws Exception {
        Instant now = Instant.now();
        AtomicReference<List<Schedule>> source = new AtomicReference<>(List.of());
        service = ScheduleService.start(calls, source::get, Set.of("cam"));
        source.set(List.of(window("cli:7", ScheduleKind.RECORD, now, -5, 600)));
        calls.await(seen -> !seen.isEmpty(), "the added schedule's window to open");
        assertEquals("cam record until " + secondsFrom(now, 600), calls.seen.get(0));
        source.set(List.of());
        calls.await(seen -> seen.size() >= 2, "the removed schedule's window to close");
        assertEquals("cam recording closed schedule-removed", calls.seen.get(1));
        assertEquals(List.of(), service.schedules());
    }

    @Test
    void intervalsFireWhileTheirWindowIsOpen() throws Exception {
        Instant now = Instant.now();
        Schedule snapshots = new Schedule("config:cam:1", "cam", ScheduleKind.SNAPSHOT, Optional.empty(),
                Optional.of(Duration.ofSeconds(1)), ZONE, DateExceptions.none(ZONE), Schedule.DEFAULT_SEGMENT);
        Schedule timelapse = new Schedule("config:cam:2", "cam", ScheduleKind.TIMELAPSE,
                window("x", ScheduleKind.RECORD, now, 600, 700).window(), Optional.of(Duration.ofSeconds(1)), ZONE,
                DateExceptions.none(ZONE), Schedule.DEFAULT_SEGMENT);
        service = ScheduleService.start(calls, () -> List.of(snapshots, timelapse), Set.of("cam"));
        calls.await(seen -> seen.stream().filter("cam snapshot"::equals).count() >= 3, "three snapshots");
        assertTrue(calls.seen.stream().noneMatch("cam timelapse"::equals), "the timelapse's window opens in 10 minutes: "
                + calls.seen);
        List<String> kinds = new ArrayList<>(calls.seen);
        assertTrue(kinds.stream().allMatch("cam snapshot"::equals), kinds.toString());
    }
}
