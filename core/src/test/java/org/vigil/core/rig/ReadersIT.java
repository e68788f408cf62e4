package org.vigil.core.rig;

import org.junit.jupiter.api.Test;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.LogLines;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.kernel.testing.ExternalCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.core.rig.RigClients.control;
import static org.vigil.core.rig.RigClients.sql;

/**
 * Four cameras making events (two vivids whose pattern starts and stops every few seconds, two loopback cameras
 * playing vtest.avi) while the sqlite3 CLI reads the database in a loop: neither side ever sees "database is
 * locked", and every event the daemon logged is a row, every ended one closed.
 */
class ReadersIT {
    @Test
    void theSqliteCliReadsInALoopWhileFourCamerasWriteEvents() throws Exception {
        Path target = Files.createTempDirectory("vigil-readers");
        Path db = target.resolve("events.db");
        Path a = RigVideo.vivid(0);
        Path b = RigVideo.vivid(1);
        Path config = ConfigFiles.write("""
                status-interval: 3600
                loopback: {pipe: off}           # no annotated feed: cam-a and cam-b are cameras here
                target-dir: %s
                fps: 10
                events: {event-gap: 1, movie: false, snapshot: off}
                detector: {absorb-time: 1}    # a stopped pattern is background within a second: the event ends
                cameras:
                  vivid-a:
                    device: %s
                    size: 320x180
                    controls: {test_pattern: 19, horizontal_movement: 3, osd_text_mode: 2}
                  vivid-b:
                    device: %s
                    size: 320x180
                    controls: {test_pattern: 19, horizontal_movement: 3, osd_text_mode: 2}
                  street-a:
                    device: {card: cam-a}
                    size: 768x576
                  street-b:
                    device: {card: cam-b}
                    size: 768x576
                """.formatted(target, a, b));
        DetectorCatalog detectors = TestDetectors.catalog();
        Daemon daemon = Daemon.create(detectors, null);
        try (LogLines log = LogLines.capture();
             FfmpegCamera streetA = FfmpegCamera.start(Footage.vtest(), RigVideo.loopback("cam-a"),
                     List.of("-pix_fmt", "yuyv422"));
             FfmpegCamera streetB = FfmpegCamera.start(Footage.vtest(), RigVideo.loopback("cam-b"),
                     List.of("-pix_fmt", "yuyv422"))) {
            daemon.start(ConfigFiles.load(config, detectors));
            // the first test in its JVM loads OpenCV while four cameras and two ffmpegs share two emulated CPUs
            Streams.awaitStreaming(daemon, List.of("vivid-a", "vivid-b", "street-a", "street-b"),
                    Duration.ofSeconds(300));
            String[] readerOutput = new String[1];
            Path done = target.resolve("readers-stop");
            Thread readers = new Thread(() -> readerOutput[0] = readInALoop(db, done));
            readers.start();
            // the vivids' events: moving 3 s, still 4 s (the gap is 1 s; the detector's background takes a moment
            // to settle after the pattern stops), six times, while the reader reads
            for (int i = 0; i < 6; i++) {
                control(a, "horizontal_movement=5");
                control(b, "horizontal_movement=5");
                Thread.sleep(3000);
                control(a, "horizontal_movement=3");
                control(b, "horizontal_movement=3");
                Thread.sleep(4000);
            }
            Files.createFile(done);
            readers.join(120_000);
            daemon.stop(Duration.ofSeconds(15));
            String reads = readerOutput[0];
            System.out.println("sqlite3 reader: " + reads.lines().count() + " reads, last: "
                    + reads.lines().reduce((x, y) -> y).orElse(""));
            assertTrue(!reads.contains("locked") && !reads.contains("Error"), "the reader saw:\n" + reads);
            assertEquals(0, log.count("(?i)database is locked|event database .*: cannot"), "the writer: "
                    + log.lines().stream().filter(l -> l.contains("event database")).toList());
            long logged = log.count("camera [a-z-]+: event \\d+ started");
            long ended = log.count("camera [a-z-]+: event \\d+ ended");
            System.out.println("events logged: " + logged + " started, " + ended + " ended");
            assertTrue(logged >= 10, "the vivids make an event every 7 s: " + logged);
            assertEquals(String.valueOf(logged), sql(db, "SELECT count(*) FROM events"), "every event is a row");
            assertEquals("0", sql(db, "SELECT count(*) FROM events WHERE end IS NULL"), "every event closed at stop");
            assertEquals("ok", sql(db, "PRAGMA integrity_check"));
        } finally {
            daemon.stop(Duration.ofSeconds(15));
        }
    }

    /** The sqlite3 CLI, started again and again until {@code done} exists, reading the events table: what it printed. */
    private static String readInALoop(Path db, Path done) {
        String loop = "while [ ! -e \"$2\" ]; do sqlite3 \"$1\" 'SELECT count(*), max(id), sum(motion_frames) "
                + "FROM events' 2>&1; done";
        try {
            return ExternalCommand.run(List.of("sh", "-c", loop, "readers", db.toString(), done.toString()), 600);
        } catch (Exception e) {
            return "Error: " + e;
        }
    }
}
