package org.vigil.core.rig;

import org.junit.jupiter.api.Test;
import org.vigil.core.events.EndReason;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.store.EventFacts;
import org.vigil.core.store.EventStore;
import org.vigil.core.store.FileKind;
import org.vigil.core.store.RetentionRows;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.LogLines;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.kernel.testing.ExternalCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.core.rig.RigClients.control;
import static org.vigil.core.rig.RigClients.sql;

/**
 * An 8 MB tmpfs as target-dir holding an old event's 3 MB movie and a kept event's 2 MB one, with min-free 4 MB and
 * retention's turn an hour away: the first movie a new event starts finds the disk below its minimum, retention runs
 * at once and deletes the old movie (its row marked min-free), and the kept one stays.
 */
class RetentionIT {
    @Test
    void aRecorderBelowMinFreeMakesRetentionRunAtOnce() throws Exception {
        Path target = Files.createTempDirectory("vigil-retention");
        ExternalCommand.run(List.of("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", target.toString()));
        Path db = Files.createTempDirectory("vigil-db").resolve("events.db");
        Path node = RigVideo.vivid(0);
        Daemon daemon = null;
        try (LogLines log = LogLines.capture()) {
            Instant old = Instant.now().minus(20, ChronoUnit.DAYS);
            Path oldMovie = movie(target.resolve("yard/old/old.mp4"), 3);
            Path keptMovie = movie(target.resolve("yard/old/kept.mp4"), 2);
            try (EventStore store = EventStore.open(db).store()) {
                long oldEvent = event(store, oldMovie, old);
                long keptEvent = event(store, keptMovie, old.plusSeconds(60));
                store.flush();
                assertTrue(RetentionRows.keep(db, keptEvent, true));
                assertTrue(oldEvent < keptEvent);
            }
            Path config = ConfigFiles.write("""
                    status-interval: 3600
                    loopback: {pipe: off}
                    target-dir: %s
                    database: %s
                    fps: 10
                    size: 320x180
                    events: {event-gap: 3, pre-capture: 1, post-capture: 1, pre-capture-memory: 8}
                    retention: {min-free: 4MB, interval: 1h}
                    cameras:
                      yard:
                        device: %s
                        controls: {test_pattern: 19, horizontal_movement: 3, osd_text_mode: 2}
                    """.formatted(target, db, node));
            DetectorCatalog detectors = TestDetectors.catalog();
            daemon = Daemon.create(detectors, null);
            daemon.start(ConfigFiles.load(config, detectors));
            Streams.awaitStreaming(daemon, List.of("yard"), Duration.ofSeconds(120));
            Streams.awaitFrames(daemon.camera("yard"), 40, Duration.ofSeconds(60));
            assertTrue(Files.exists(oldMovie), "nothing deleted before a recorder needs room");
            control(node, "horizontal_movement=5");
            log.await("retention: deleted 1 file .*1 for min-free", 1, 120_000);
            assertFalse(Files.exists(oldMovie), "the old event's movie");
            assertTrue(Files.exists(keptMovie), "the kept event's movie: the disk had room without it");
            String reason = "";
            for (int i = 0; i < 100 && reason.isEmpty(); i++) { // the daemon's store commits the mark on its own thread
                reason = sql(db, "SELECT deleted_reason FROM files WHERE deleted IS NOT NULL AND path = '" + oldMovie + "'");
                Thread.sleep(100);
            }
            assertEquals("min-free", reason, "the old movie's row stays, marked");
            assertEquals("1", sql(db, "SELECT count(*) FROM files WHERE deleted IS NULL AND path = '" + keptMovie + "'"));
        } finally {
            if (daemon != null) {
                daemon.stop(Duration.ofSeconds(15));
            }
            ExternalCommand.run(List.of("umount", target.toString()));
        }
    }

    private static Path movie(Path file, int megabytes) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[megabytes * 1024 * 1024]);
        return file;
    }

    private static long event(EventStore store, Path movie, Instant start) {
        long event = store.eventStarted("yard", start).join();
        long file = store.fileStarted(event, movie, FileKind.MOVIE, start).join();
        store.fileFinished(file, event, movie, FileKind.MOVIE, Files.exists(movie) ? sizeOf(movie) : 0, true);
        store.eventEnded(event, new EventFacts(0.1, Optional.empty(), 3, List.of(), 0), start.plusSeconds(20),
                EndReason.GAP);
        return event;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
