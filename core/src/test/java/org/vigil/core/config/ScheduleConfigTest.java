package org.vigil.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.schedule.Schedule;
import org.vigil.core.schedule.ScheduleKind;
import org.vigil.detectors.DetectorCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A camera's schedules: list, what each entry becomes, and every problem at its line. */
class ScheduleConfigTest {
    private final ConfigLoader loader = new ConfigLoader(DetectorCatalog.load());

    @Test
    void eachEntryBecomesASchedule(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vigil.yml");
        Files.writeString(file, """
                events: {movie: false, snapshot: off}
                cameras:
                  driveway:
                    device: /dev/video0
                    schedules:
                      - kind: record
                        days: [mon, tue, wed, thu, fri]
                        from: 07:30
                        to: "08:15"
                        segment-length: 5m
                      - kind: detect
                        cron: 0 0 20 * * ?
                        duration: 10h
                        zone: Asia/Kolkata
                        except: [2026-12-24, 2026-12-25]
                      - kind: timelapse
                        every: 30s
                        only: 2026-12-31
                """);
        VigilConfig config = loader.load(file);
        List<Schedule> schedules = config.cameras().get("driveway").schedules();
        assertEquals(3, schedules.size());
        assertEquals("config:driveway:1", schedules.get(0).id());
        assertEquals(ScheduleKind.RECORD, schedules.get(0).kind());
        assertEquals("record mon,tue,wed,thu,fri 07:30-08:15 (" + ZoneId.systemDefault().getId() + "), segments of 5m",
                schedules.get(0).describe());
        assertEquals(ZoneId.of("Asia/Kolkata"), schedules.get(1).zone());
        assertEquals(Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")),
                schedules.get(1).exceptions().except());
        assertEquals(Duration.ofSeconds(30), schedules.get(2).every().orElseThrow());
        assertTrue(config.cameras().get("driveway").recordsFrames(), "a record schedule keeps frames though events do not");
        // the same file loaded twice is the same config: a reload touches nothing
        assertEquals(config.cameras(), loader.load(file).cameras());
    }

    @Test
    void everyProblemIsReportedAtItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vigil.yml");
        Files.writeString(file, """
                cameras:
                  driveway:
                    device: /dev/video0
                    schedules:
                      - kind: recrod
                        from: "07:30"
                        to: "08:15"
                      - kind: record
                        from: "07:30"
                      - kind: detect
                        from: "22:00"
                        to: "06:00"
                        zone: Mars/Olympus
                      - kind: snapshot
                        every: ten minutes
                        fromm: "08:00"
                """);
        ConfigLoader.Result result = loader.check(file);
        assertFalse(result.config().isPresent());
        List<String> problems = result.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(5, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains(":5:") && problems.get(0).contains("cameras.driveway.schedules[0].kind: "
                + "'recrod' is not a kind of schedule"), problems.get(0));
        assertTrue(problems.get(1).contains(":8:") && problems.get(1).contains("a window needs both from and to"),
                problems.get(1));
        assertTrue(problems.get(2).contains(":13:") && problems.get(2).contains("'Mars/Olympus' is not a time zone"),
                problems.get(2));
        assertTrue(problems.get(3).contains(":15:") && problems.get(3).contains("'ten minutes' is not a duration"),
                problems.get(3));
        assertTrue(problems.get(4).contains(":16:") && problems.get(4).contains("did you mean 'from'?"), problems.get(4));
    }
}
