package org.vigil.core.rig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.vigil.core.cli.CliRun;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.core.rig.RigClients.frames;
import static org.vigil.core.rig.RigClients.probe;
import static org.vigil.core.rig.RigClients.sql;

/**
 * Schedules on the daemon with real cameras: a recording window added with the CLI while the daemon runs records a
 * movie of the window's length; a closed detection window leaves a moving camera without events while its annotated
 * feed says disarmed (and an armed camera beside it has them), while its snapshot schedule takes a JPEG every 3 s;
 * a daemon restarted inside a recording window records the rest of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduleIT {
    private static final int FPS = 10;
    private static final TapRecorder tap = new TapRecorder();
    private static DetectorCatalog detectors;
    private static Daemon daemon;
    private static Path target;
    private static Path config;

    /** A wall-clock time as the config and the CLI take it, in the guest's zone, to the second. */
    private static String at(Instant instant) {
        LocalTime local = LocalTime.ofInstant(instant, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS);
        return local.getSecond() == 0 ? local + ":00" : local.toString();
    }

    @BeforeAll
    static void start() throws Exception {
        detectors = TestDetectors.catalog();
        target = Files.createTempDirectory("vigil-schedule-it");
        Instant now = Instant.now();
        config = ConfigFiles.write("""
                status-interval: 3600
                target-dir: %s
                fps: %d
                size: 320x180
                detector: {absorb-time: 1}
                events: {movie: false, snapshot: off, pre-capture-memory: 16}   # rows only; a small ring
                cameras:
                  recorded:
                    device: %s
                    controls: {test_pattern: 19, horizontal_movement: 5, osd_text_mode: 2}
                    loopback: {pipe: off}
                  watched:
                    device: %s
                    controls: {test_pattern: 19, horizontal_movement: 5, osd_text_mode: 2}
                    loopback: {pipe: label:feed-b}
                    schedules:
                      - kind: detect             # a window that is not open while the test runs
                        from: "%s"
                        to: "%s"
                      - kind: snapshot
                        every: 3s
                """.formatted(target, FPS, RigVideo.vivid(0), RigVideo.vivid(1), at(now.plus(Duration.ofHours(3))),
                at(now.plus(Duration.ofHours(4)))));
        daemon = Daemon.create(detectors, tap);
        daemon.start(ConfigFiles.load(config, detectors));
        Streams.awaitStreaming(daemon, List.of("recorded", "watched"), Duration.ofSeconds(120));
        Streams.awaitFrames(daemon.camera("watched"), 30, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        tap.clear();
        if (daemon != null) {
            daemon.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    @Order(1)
    void aRecordingWindowAddedWithTheCliRecordsAMovieOfItsLength() throws Exception {
        Instant from = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        CliRun added = CliRun.of("schedule", "add", "-c", config.toString(), "recorded", "kind=record",
                "from=" + at(from), "to=" + at(from.plusSeconds(10)));
        assertEquals(0, added.status(), added.err());
        String row = awaitRow("SELECT id, end_reason, schedule FROM recordings WHERE end IS NOT NULL ORDER BY id LIMIT 1",
                Duration.ofSeconds(90));
        System.out.println("recording row: " + row);
        String[] f = row.split("\\|");
        assertEquals("window-end", f[1], row);
        assertEquals("cli:1", f[2], row);
        Path movie = Path.of(sql(db(), "SELECT path FROM files WHERE complete = 1 AND recording_id = " + f[0]));
        assertEquals("h264,320,180", probe(movie, "stream=codec_name,width,height"), movie.toString());
        double seconds = (double) frames(movie) / FPS; // counted: a fragmented MP4's header has no length
        System.out.printf("scheduled movie %s: %.2f s for a 10 s window%n", movie, seconds);
        assertTrue(Math.abs(seconds - 10) <= 1, "the window's movie lasts " + seconds + " s, not 10 s ± 1 s");
        assertTrue(movie.getFileName().toString().matches("\\d\\d-\\d\\d-\\d\\d-recording" + f[0] + "-1\\.mp4"),
                movie.toString());
    }

    @Test
    @Order(2)
    void aClosedDetectionWindowDisarmsEventsAndTheFeedSaysSo() throws Exception {
        Instant since = Instant.now();
        tap.recordRegions(30);
        List<TapRecorder.Shot> shots = tap.await("watched", 30, 60_000);
        tap.stop();
        for (TapRecorder.Shot shot : shots) {
            String bottom = shot.texts().get(shot.texts().size() - 1);
            assertTrue(bottom.startsWith("disarmed, "), "the feed's state label: '" + bottom + "'");
        }
        long wait = 20_000 - Duration.between(since, Instant.now()).toMillis();
        if (wait > 0) {
            Thread.sleep(wait); // the pattern moves all along
        }
        assertEquals("0", sql(db(), "SELECT count(*) FROM events e JOIN cameras c ON c.id = e.camera_id "
                + "WHERE c.name = 'watched'"), "events of the disarmed camera");
        assertTrue(Integer.parseInt(sql(db(), "SELECT count(*) FROM events e JOIN cameras c ON c.id = e.camera_id "
                + "WHERE c.name = 'recorded'")) > 0, "the armed camera beside it, moving the same way, has events");
        // its snapshot schedule runs all the same, disarmed or not
        List<String> snapshots = sql(db(), "SELECT path FROM files WHERE kind = 'snapshot' AND event_id IS NULL "
                + "AND deleted IS NULL AND path LIKE '%/watched/%'").lines().toList();
        assertTrue(snapshots.size() >= 4, "a snapshot every 3 s for 20 s: " + snapshots);
        assertEquals("mjpeg,320,180", probe(Path.of(snapshots.get(0)), "stream=codec_name,width,height"));
    }

    @Test
    @Order(3)
    void aDaemonRestartedInsideAWindowRecordsTheRestOfIt() throws Exception {
        daemon.stop(Duration.ofSeconds(10));
        CliRun removed = CliRun.of("schedule", "remove", "-c", config.toString(), "cli:1");
        assertEquals(0, removed.status(), removed.err());
        Instant now = Instant.now();
        Instant end = now.plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        CliRun added = CliRun.of("schedule", "add", "-c", config.toString(), "recorded", "kind=record",
                "from=" + at(now.minusSeconds(30)), "to=" + at(end));
        assertEquals(0, added.status(), added.err());
        daemon = Daemon.create(detectors, null);
        daemon.start(ConfigFiles.load(config, detectors));
        String first = awaitRow("SELECT id FROM recordings WHERE schedule = 'cli:2' ORDER BY id LIMIT 1",
                Duration.ofSeconds(60));
        Thread.sleep(5000);
        daemon.stop(Duration.ofSeconds(10)); // the machine goes down inside the window
        assertEquals("stop", sql(db(), "SELECT end_reason FROM recordings WHERE id = " + first));
        daemon = Daemon.create(detectors, null);
        daemon.start(ConfigFiles.load(config, detectors));
        String resumed = awaitRow("SELECT id, start, end_reason FROM recordings WHERE schedule = 'cli:2' AND id > " + first
                + " AND end IS NOT NULL", Duration.ofSeconds(90));
        System.out.println("resumed recording: " + resumed);
        String[] f = resumed.split("\\|");
        assertEquals("window-end", f[2], resumed);
        Path movie = Path.of(sql(db(), "SELECT path FROM files WHERE complete = 1 AND recording_id = " + f[0]));
        double seconds = (double) frames(movie) / FPS;
        double rest = Duration.between(Instant.parse(f[1]), end).toMillis() / 1000.0;
        System.out.printf("resumed movie %s: %.2f s for the %.2f s left of the window%n", movie, seconds, rest);
        assertTrue(rest > 5 && Math.abs(seconds - rest) <= 1.5, "the rest of the window: " + rest + " s, recorded "
                + seconds + " s");
    }

    private static Path db() {
        return target.resolve("events.db");
    }

    /** Waits for a query to give a row. */
    private static String awaitRow(String query, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String row = Files.exists(db()) ? sql(db(), query) : "";
            if (!row.isBlank()) {
                return row;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no row within " + timeout.toSeconds() + " s for: " + query);
            }
            Thread.sleep(500);
        }
    }
}
