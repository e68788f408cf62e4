package org.vigil.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.events.EndReason;
import org.vigil.detectors.Box;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventStoreTest {
    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-11-30T22:15:03.250Z");

    @Test
    void anEventIsStoredWithItsFactsAndFilesAndReadBack() throws Exception {
        Path db = dir.resolve("events.db");
        List<String> zones = List.of("door \"front\"", "gate; $(rm -rf /)\nx");
        try (EventStore store = EventStore.open(db).store()) {
            long id = store.eventStarted("porch", T0).join();
            store.eventUpdated(id, new EventFacts(0.1, Optional.of(new Box(1, 2, 3, 4)), 3, zones.subList(0, 1), 0),
                    T0.plusSeconds(1));
            long file = store.fileStarted(id, dir.resolve("a.mp4.part"), FileKind.MOVIE, T0).join();
            store.fileFinished(file, id, dir.resolve("a.mp4"), FileKind.MOVIE, 1234, true);
            store.eventEnded(id, new EventFacts(0.25, Optional.of(new Box(1, 2, 30, 40)), 9, zones, 7),
                    T0.plusSeconds(40), EndReason.GAP);
            store.flush();
        }
        try (EventQuery query = EventQuery.open(db)) {
            List<StoredEvent> events = query.events(Optional.empty(), Optional.empty(), Optional.empty());
            assertEquals(1, events.size());
            StoredEvent event = query.event(events.get(0).id()).orElseThrow();
            assertEquals("porch", event.camera());
            assertEquals(T0, event.start());
            assertEquals(Optional.of(T0.plusSeconds(40)), event.end());
            assertEquals(Optional.of(EndReason.GAP), event.reason());
            assertEquals(new EventFacts(0.25, Optional.of(new Box(1, 2, 30, 40)), 9, zones, 7), event.facts());
            assertEquals(Optional.of(dir.resolve("a.mp4").toString()), event.movie());
            assertEquals(1, event.files().size());
            assertTrue(event.files().get(0).complete());
            assertEquals(Optional.of(1234L), event.files().get(0).bytes());
            assertEquals(List.of(), query.events(Optional.of("garden"), Optional.empty(), Optional.empty()));
            assertEquals(List.of(), query.events(Optional.empty(), Optional.of(T0.plusMillis(1)), Optional.empty()));
            assertEquals(1, query.events(Optional.of("porch"), Optional.of(T0), Optional.of(T0.plusMillis(1))).size());
        }
    }

    @Test
    void eventsACrashLeftOpenAreClosedAsInterruptedAtTheirLastUpdate() throws Exception {
        Path db = dir.resolve("events.db");
        long done;
        long open;
        try (EventStore store = EventStore.open(db).store()) {
            done = store.eventStarted("porch", T0).join();
            store.eventEnded(done, new EventFacts(0.1, Optional.empty(), 1, List.of(), 0), T0.plusSeconds(5),
                    EndReason.GAP);
            open = store.eventStarted("porch", T0.plusSeconds(60)).join();
            store.fileStarted(open, dir.resolve("b.mkv.part"), FileKind.MOVIE, T0.plusSeconds(60)).join();
            store.eventUpdated(open, new EventFacts(0.2, Optional.empty(), 2, List.of(), 0), T0.plusSeconds(70));
            store.flush();
            // no end: the process "dies" here
        }
        EventStore.Opened reopened = EventStore.open(db);
        reopened.store().close();
        assertEquals(1, reopened.interrupted().size());
        EventStore.Interrupted interrupted = reopened.interrupted().get(0);
        assertEquals(open, interrupted.id());
        assertEquals(T0.plusSeconds(70), interrupted.lastUpdate());
        assertEquals(List.of(dir.resolve("b.mkv.part").toString()),
                interrupted.files().stream().map(EventStore.UnfinishedFile::path).toList());
        try (EventQuery query = EventQuery.open(db)) {
            StoredEvent event = query.event(open).orElseThrow();
            assertEquals(Optional.of(EndReason.INTERRUPTED), event.reason());
            assertEquals(Optional.of(T0.plusSeconds(70)), event.end());
            assertEquals(Optional.of(EndReason.GAP), query.event(done).orElseThrow().reason(), "earlier events intact");
        }
        assertEquals(List.of(), EventStore.open(db).interrupted(), "closed once, not again at every start");
    }

    @Test
    void aNewFileGetsTheLatestSchemaAndAFileFromANewerVigilIsRefused() throws Exception {
        Path db = dir.resolve("events.db");
        EventStore.open(db).store().close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                assertEquals(Migrations.LATEST, r.getInt(1));
            }
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", r.getString(1));
            }
            s.execute("PRAGMA user_version = " + (Migrations.LATEST + 1));
        }
        StoreException refused = assertThrows(StoreException.class, () -> EventStore.open(db));
        assertTrue(refused.getMessage().contains("newer than this vigil"), refused.getMessage());
    }

    @Test
    void eachMigrationRunsFromTheVersionBeforeIt() throws Exception {
        for (Migrations.Migration migration : Migrations.ALL) {
            Path db = dir.resolve("v" + migration.version() + ".db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                Migrations.migrate(c, migration.version() - 1);
                assertEquals(migration.version() - 1, Migrations.version(c));
                assertEquals(List.of(migration.version()), Migrations.migrate(c, migration.version()));
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                    assertEquals("ok", r.getString(1));
                }
            }
        }
    }

    @Test
    void aFileThatIsNotADatabaseGetsAClearError() throws Exception {
        Path db = dir.resolve("events.db");
        Files.writeString(db, "this is a text file, not SQLite, and long enough to have a header page of sorts .....");
        StoreException e = assertThrows(StoreException.class, () -> EventStore.open(db));
        assertTrue(e.getMessage().contains(db.toString()) && e.getMessage().contains("database"), e.getMessage());
    }
}
