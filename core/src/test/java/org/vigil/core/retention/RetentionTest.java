package org.vigil.core.retention;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.cli.CliRun;
import org.vigil.core.events.EndReason;
import org.vigil.core.store.EventFacts;
import org.vigil.core.store.EventStore;
import org.vigil.core.store.FileKind;
import org.vigil.core.store.RetentionRows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retention's plan on data, then a run on real files and a real database, through the CLI. */
class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static StoredFile file(long id, String camera, int daysOld, long bytes, boolean keep) {
        return new StoredFile(id, camera, Path.of("/v/" + id), bytes, NOW.minus(daysOld, ChronoUnit.DAYS), keep);
    }

    private static List<Long> ids(List<Deletion> deletions) {
        return deletions.stream().map(d -> d.file().id()).toList();
    }

    @Test
    void ageGoesFirstNeverAKeptEvent() {
        List<StoredFile> files = List.of(file(1, "a", 20, 10, false), file(2, "a", 20, 10, true),
                file(3, "a", 3, 10, false), file(4, "b", 9, 10, false));
        RetentionPolicy policy = new RetentionPolicy(new Budget(Duration.ofDays(14), 0),
                Map.of("b", new Budget(Duration.ofDays(7), 0)), 0, Duration.ofMinutes(5));
        List<Deletion> plan = RetentionPlan.plan(files, policy, NOW, Long.MAX_VALUE);
        assertEquals(List.of(1L, 4L), ids(plan));
        assertEquals("max-age", plan.get(0).reason());
        assertEquals("max-age of b", plan.get(1).reason());
    }

    @Test
    void bytesAndFreeSpaceTakeTheOldestFirstAndKeptEventsLast() {
        List<StoredFile> files = List.of(file(1, "a", 5, 100, true), file(2, "a", 4, 100, false),
                file(3, "b", 3, 100, false), file(4, "a", 2, 100, false), file(5, "b", 1, 100, false));
        // a's own budget: 150 bytes of its 300 -> its oldest unkept (2) then the next (4); the kept one stays
        RetentionPolicy cameraBytes = new RetentionPolicy(Budget.UNLIMITED, Map.of("a", new Budget(Duration.ZERO, 150)),
                0, Duration.ofMinutes(5));
        assertEquals(List.of(2L, 4L), ids(RetentionPlan.plan(files, cameraBytes, NOW, Long.MAX_VALUE)));
        // everyone's 250 of 500: the three oldest unkept go, the kept one is not needed
        RetentionPolicy globalBytes = new RetentionPolicy(new Budget(Duration.ZERO, 250), Map.of(), 0,
                Duration.ofMinutes(5));
        assertEquals(List.of(2L, 3L, 4L), ids(RetentionPlan.plan(files, globalBytes, NOW, Long.MAX_VALUE)));
        // the disk needs 450 more free: every unkept file (400), then the kept one
        RetentionPolicy free = new RetentionPolicy(Budget.UNLIMITED, Map.of(), 500, Duration.ofMinutes(5));
        List<Deletion> plan = RetentionPlan.plan(files, free, NOW, 50);
        assertEquals(List.of(2L, 3L, 4L, 5L, 1L), ids(plan));
        assertTrue(plan.stream().allMatch(d -> d.reason().equals("min-free")));
        assertEquals(List.of(), ids(RetentionPlan.plan(files, free, NOW, 500)), "enough free: nothing");
    }

    @Test
    void aRunDeletesFilesAndMarksTheirRowsNeverAnOpenRecordingAndADryRunNothing(@TempDir Path dir) throws Exception {
        Path targetDir = dir.resolve("files");
        Path database = targetDir.resolve("events.db");
        Instant old = Instant.now().minus(30, ChronoUnit.DAYS);
        List<Path> paths = new ArrayList<>();
        try (EventStore store = EventStore.open(database).store()) {
            long event = store.eventStarted("porch", old).join();
            Path movie = write(targetDir.resolve("porch/old/event.mp4"), paths);
            long fileId = store.fileStarted(event, movie, FileKind.MOVIE, old).join();
            store.fileFinished(fileId, event, movie, FileKind.MOVIE, 4096, true);
            store.eventEnded(event, new EventFacts(0.1, Optional.empty(), 3, List.of(), 0), old.plusSeconds(30),
                    EndReason.GAP);
            long kept = store.eventStarted("porch", old).join();
            Path keptMovie = write(targetDir.resolve("porch/old/kept.mp4"), paths);
            long keptId = store.fileStarted(kept, keptMovie, FileKind.MOVIE, old).join();
            store.fileFinished(keptId, kept, keptMovie, FileKind.MOVIE, 4096, true);
            store.eventEnded(kept, new EventFacts(0.1, Optional.empty(), 3, List.of(), 0), old.plusSeconds(30),
                    EndReason.GAP);
            long recording = store.recordingStarted("porch", "config:porch:1", old).join();
            Path segment = write(targetDir.resolve("porch/old/segment.mp4"), paths);
            long segmentId = store.recordingFileStarted(recording, segment, old).join();
            store.recordingFileFinished(segmentId, segment, 4096, true); // its recording is still open
            Path snapshot = write(targetDir.resolve("porch/old/snapshot.jpg"), paths);
            store.fileWritten(snapshot, FileKind.SNAPSHOT, 4096, old);
            store.flush();
            assertTrue(RetentionRows.keep(database, kept, true));
        }
        Path config = dir.resolve("vigil.yml");
        Files.writeString(config, """
                target-dir: %s
                retention:
                  max-age: 14d
                  min-free: none
                cameras:
                  porch:
                    device: /dev/video0
                """.formatted(targetDir));
        CliRun dry = CliRun.of("retention", "-c", config.toString(), "--dry-run");
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().contains("would free 8KB in 2 files (dry run: nothing deleted)"), dry.out());
        paths.forEach(path -> assertTrue(Files.exists(path), path + " after a dry run"));

        CliRun run = CliRun.of("retention", "-c", config.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("freed 8KB in 2 files"), run.out());
        assertFalse(Files.exists(paths.get(0)), "the old event's movie");
        assertTrue(Files.exists(paths.get(1)), "the kept event's movie");
        assertTrue(Files.exists(paths.get(2)), "the open recording's segment");
        assertFalse(Files.exists(paths.get(3)), "the old scheduled snapshot");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT path, deleted IS NOT NULL, deleted_reason FROM files "
                     + "ORDER BY id")) {
            List<String> seen = new ArrayList<>();
            while (rows.next()) {
                seen.add(Path.of(rows.getString(1)).getFileName() + " " + (rows.getInt(2) == 1 ? "deleted "
                        + rows.getString(3) : "kept"));
            }
            assertEquals(List.of("event.mp4 deleted max-age", "kept.mp4 kept", "segment.mp4 kept",
                    "snapshot.jpg deleted max-age"), seen, "rows stay, with the deletion");
        }
        // the recording closes: its segment may go now
        try (EventStore store = EventStore.open(database).store()) {
            store.flush();
        }
        assertTrue(RetentionRows.deletable(database).stream().anyMatch(r -> r.path().endsWith("segment.mp4")),
                "an interrupted recording is closed at the next open, and its files are deletable");
    }

    private static Path write(Path file, List<Path> paths) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[4096]);
        paths.add(file);
        return file;
    }
}
