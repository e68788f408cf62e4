package org.vigil.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `vigil schedule add|list|remove|next` on a config file's schedules and a database of added ones; the stored rows
 * checked with the sqlite3 CLI's view of the same file where it is installed.
 */
class ScheduleCommandTest {
    @TempDir
    Path dir;

    private Path config() throws Exception {
        Path file = dir.resolve("vigil.yml");
        Files.writeString(file, """
                database: %s
                target-dir: %s
                cameras:
                  driveway:
                    device: /dev/video0
                    schedules:
                      - kind: record
                        days: mon-fri
                        from: "07:30"
                        to: "08:15"
                        zone: Europe/Berlin
                  garden:
                    device: /dev/video1
                """.formatted(dir.resolve("events.db"), dir.resolve("files")));
        return file;
    }

    @Test
    void addedSchedulesAreListedBesideTheConfigsAndCanBeRemoved() throws Exception {
        Path config = config();
        BadConfigCorpusTest.Run added = BadConfigCorpusTest.run("schedule", "add", "-c", config.toString(), "garden",
                "kind=detect", "from=22:00", "to=06:00", "zone=America/New_York", "except=2026-12-24,2026-12-25");
        assertEquals(0, added.status(), added.err());
        assertTrue(added.out().startsWith("schedule cli:1 added: garden detect daily 22:00-06:00 (America/New_York) "
                + "except [2026-12-24, 2026-12-25]"), added.out());
        assertTrue(added.out().contains("next: "), added.out());

        BadConfigCorpusTest.Run list = BadConfigCorpusTest.run("schedule", "list", "-c", config.toString());
        assertEquals(0, list.status(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(2, lines.size(), list.out());
        assertTrue(lines.get(0).matches("config:driveway:1 +driveway +record mon,tue,wed,thu,fri 07:30-08:15 "
                + "\\(Europe/Berlin\\), segments of 10m"), lines.get(0));
        assertTrue(lines.get(1).matches("cli:1 +garden +detect daily 22:00-06:00 \\(America/New_York\\).*"), lines.get(1));

        BadConfigCorpusTest.Run coming = BadConfigCorpusTest.run("schedule", "next", "-c", config.toString(), "--camera",
                "driveway", "-n", "3");
        assertEquals(0, coming.status(), coming.err());
        List<String> firings = coming.out().lines().toList();
        assertEquals(3, firings.size(), coming.out());
        for (String firing : firings) {
            // local time with the zone's offset, the end, the length
            assertTrue(firing.matches("(Mon|Tue|Wed|Thu|Fri) \\d{4}-\\d\\d-\\d\\d 07:30:00 \\+0[12]:00 to "
                    + "(Mon|Tue|Wed|Thu|Fri) \\d{4}-\\d\\d-\\d\\d 08:15:00 \\+0[12]:00 \\(45m\\)( \\(open now\\))?  driveway +"
                    + "record +config:driveway:1"), firing);
        }

        BadConfigCorpusTest.Run removed = BadConfigCorpusTest.run("schedule", "remove", "-c", config.toString(), "cli:1");
        assertEquals(0, removed.status(), removed.err());
        BadConfigCorpusTest.Run again = BadConfigCorpusTest.run("schedule", "remove", "-c", config.toString(), "1");
        assertEquals(1, again.status());
        assertTrue(again.err().contains("no schedule cli:1"), again.err());
        BadConfigCorpusTest.Run configs = BadConfigCorpusTest.run("schedule", "remove", "-c", config.toString(),
                "config:driveway:1");
        assertEquals(2, configs.status());
        assertTrue(configs.err().contains("is in the config file: delete it there"), configs.err());
        assertEquals(1, BadConfigCorpusTest.run("schedule", "list", "-c", config.toString()).out().lines().count());
        // an id is never given twice: recordings rows name their schedule by it
        BadConfigCorpusTest.Run next = BadConfigCorpusTest.run("schedule", "add", "-c", config.toString(), "garden",
                "kind=snapshot", "every=10m");
        assertTrue(next.out().startsWith("schedule cli:2 added: garden snapshot every 10m"), next.out() + next.err());
    }

    @Test
    void aBadScheduleIsRefusedWithWhatIsWrongAndNothingIsStored() throws Exception {
        Path config = config();
        for (List<String> bad : List.of(
                List.of("garden", "kind=record", "from=7:75", "to=08:00"),
                List.of("garden", "kind=record", "from=07:00"),
                List.of("garden", "kind=detect", "cron=0 0 25 * * ?", "duration=1h"),
                List.of("garden", "kind=snapshot"),
                List.of("garden", "kind=record", "days=mon-fry", "from=07:00", "to=08:00"),
                List.of("garden", "kind=record", "from=07:00", "to=08:00", "zone=Europe/Berlim"),
                List.of("garden", "kind=record", "from=07:00", "to=08:00", "treshold=1"),
                List.of("patio", "kind=record", "from=07:00", "to=08:00"))) {
            List<String> args = new java.util.ArrayList<>(List.of("schedule", "add", "-c", config.toString()));
            args.addAll(bad);
            BadConfigCorpusTest.Run run = BadConfigCorpusTest.run(args.toArray(String[]::new));
            assertEquals(2, run.status(), bad + ": " + run.out() + run.err());
            assertEquals(1, run.err().lines().count(), bad + ": one line, " + run.err());
        }
        BadConfigCorpusTest.Run run = BadConfigCorpusTest.run("schedule", "add", "-c", config.toString(), "garden",
                "kind=record", "days=mon-fry", "from=07:00", "to=08:00");
        assertTrue(run.err().contains("'fry' in 'mon-fry' is not a day"), run.err());
        assertEquals(1, BadConfigCorpusTest.run("schedule", "list", "-c", config.toString()).out().lines().count(),
                "only the config's");
    }
}
