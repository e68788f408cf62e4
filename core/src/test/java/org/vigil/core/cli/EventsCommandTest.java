package org.vigil.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.events.EndReason;
import org.vigil.core.store.EventFacts;
import org.vigil.core.store.EventStore;
import org.vigil.core.store.FileKind;
import org.vigil.detectors.Box;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vigil events` and `vigil events show` on a database the store wrote. */
class EventsCommandTest {
    @TempDir
    Path dir;

    private Path database(Instant start) throws Exception {
        Path db = dir.resolve("events.db");
        try (EventStore store = EventStore.open(db).store()) {
            long porch = store.eventStarted("porch", start).join();
            long file = store.fileStarted(porch, dir.resolve("p.mp4.part"), FileKind.MOVIE, start).join();
            store.fileFinished(file, porch, dir.resolve("porch/2026-11-30/22-15-03-event1.mp4"), FileKind.MOVIE, 4096,
                    true);
            store.eventEnded(porch, new EventFacts(0.125, Optional.of(new Box(1, 2, 3, 4)), 12, List.of("door"), 0),
                    start.plusSeconds(34), EndReason.GAP);
            long garden = store.eventStarted("garden", start.plus(3, ChronoUnit.HOURS)).join();
            store.eventUpdated(garden, new EventFacts(0.5, Optional.empty(), 3, List.of(), 0),
                    start.plus(3, ChronoUnit.HOURS).plusSeconds(5));
            store.flush();
        }
        return db;
    }

    @Test
    void theTableListsEventsInLocalTimeAndFiltersByCameraAndTime() throws Exception {
        Instant start = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Path db = database(start);
        BadConfigCorpusTest.Run all = BadConfigCorpusTest.run("events", "--database", db.toString());
        assertEquals(0, all.status(), all.err());
        List<String> lines = all.out().lines().toList();
        assertEquals("ID  START                DURATION  CAMERA  PEAK   ZONES  ENDED    FILES", lines.get(0));
        String local = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
                .format(start.atZone(ZoneId.systemDefault()));
        assertEquals("1   " + local + "  34.0s     porch   12.5%  door   gap      22-15-03-event1.mp4", lines.get(1));
        assertTrue(lines.get(2).contains("garden") && lines.get(2).contains("running"), lines.get(2));
        assertEquals("2 events", lines.get(3));

        BadConfigCorpusTest.Run recent = BadConfigCorpusTest.run("events", "--database", db.toString(), "--since", "3h");
        assertTrue(recent.out().contains("garden") && !recent.out().contains("porch"), recent.out());
        BadConfigCorpusTest.Run porch = BadConfigCorpusTest.run("events", "--database", db.toString(), "--camera",
                "porch", "--json");
        assertEquals(0, porch.status(), porch.err());
        assertTrue(porch.out().startsWith("{\"id\":1,\"camera\":\"porch\",\"start\":\"" + start + "\""), porch.out());
        assertTrue(porch.out().contains("\"end_reason\":\"gap\",\"peak_changed\":0.125,\"motion_frames\":12,"
                + "\"zones\":[\"door\"]"), porch.out());
        assertEquals(1, porch.out().lines().count());
    }

    @Test
    void showGivesOneEventWithItsFilesAndBadInputGetsAClearError() throws Exception {
        Path db = database(Instant.parse("2026-11-30T22:15:03Z"));
        BadConfigCorpusTest.Run show = BadConfigCorpusTest.run("events", "show", "1", "--database", db.toString());
        assertEquals(0, show.status(), show.err());
        assertTrue(show.out().startsWith("event 1 of camera porch\n"), show.out());
        assertTrue(show.out().contains("movie       " + dir.resolve("porch/2026-11-30/22-15-03-event1.mp4")
                + " (4096 bytes)"), show.out());
        BadConfigCorpusTest.Run missing = BadConfigCorpusTest.run("events", "show", "9", "--database", db.toString());
        assertEquals(1, missing.status());
        assertEquals("events show: no event 9 in " + db + "\n", missing.err());
        BadConfigCorpusTest.Run noDb = BadConfigCorpusTest.run("events", "--database", dir.resolve("none.db").toString());
        assertEquals(1, noDb.status());
        assertTrue(noDb.err().contains("none.db does not exist: vigil creates it when the daemon starts"), noDb.err());
        BadConfigCorpusTest.Run badTime = BadConfigCorpusTest.run("events", "--database", db.toString(), "--since",
                "yesterday");
        assertEquals(2, badTime.status());
        assertTrue(badTime.err().contains("'yesterday' is not a time: write an age (30m, 2h, 7d)"), badTime.err());
    }
}
