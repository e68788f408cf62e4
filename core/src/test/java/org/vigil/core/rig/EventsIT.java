package org.vigil.core.rig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.kernel.testing.ExternalCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.vigil.core.rig.RigClients.control;
import static org.vigil.core.rig.RigClients.frames;
import static org.vigil.core.rig.RigClients.probe;
import static org.vigil.core.rig.RigClients.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * vivid with its pattern moving, then still: an event opens and closes (a gap), its row is in SQLite as the sqlite3
 * CLI reads it, its snapshot is a JPEG at the camera's size and its movie an H.264 file that ffprobe reads with the
 * expected size and length (pre-capture + motion + post-capture). A still vivid beside it has no event.
 */
class EventsIT {
    private static final double GAP = 3;
    private static final double PRE = 1;
    private static final double POST = 2;
    private static final int FPS = 10;
    private static Daemon daemon;
    private static Path target;
    private static Path movingNode;
    private static Instant stillSince;

    @BeforeAll
    static void start() throws Exception {
        DetectorCatalog detectors = TestDetectors.catalog();
        target = Files.createTempDirectory("vigil-events-it");
        movingNode = RigVideo.vivid(0);
        Path file = ConfigFiles.write("""
                status-interval: 3600
                loopback: {pipe: off}           # no annotated feed: cam-a and cam-b are cameras here
                target-dir: %s
                fps: %d
                size: 320x180
                events:
                  event-gap: %s
                  pre-capture: %s
                  post-capture: %s
                cameras:
                  moving:
                    device: %s
                    controls: {test_pattern: 19, horizontal_movement: 3, osd_text_mode: 2}
                  still:
                    device: %s
                    controls: {test_pattern: 19, horizontal_movement: 3, osd_text_mode: 2}
                """.formatted(target, FPS, GAP, PRE, POST, movingNode, RigVideo.vivid(1)));
        daemon = Daemon.create(detectors, null);
        daemon.start(ConfigFiles.load(file, detectors));
        Streams.awaitStreaming(daemon, List.of("moving", "still"), Duration.ofSeconds(120));
        stillSince = Instant.now();
        Streams.awaitFrames(daemon.camera("moving"), 40, Duration.ofSeconds(60)); // past the detector's calibration
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.stop(Duration.ofSeconds(15));
        }
    }

    @Test
    void movementMakesAnEventWithItsRowSnapshotAndMovie() throws Exception {
        control(movingNode, "horizontal_movement=5");
        awaitEvent(true, Duration.ofSeconds(60));
        Thread.sleep(4000);
        control(movingNode, "horizontal_movement=3");
        awaitEvent(false, Duration.ofSeconds(60));

        String row = sql(target.resolve("events.db"), "SELECT e.id, e.end_reason, e.motion_frames > 0, e.snapshot, e.movie, "
                + "(julianday(e.end) - julianday(e.start)) * 86400 FROM events e JOIN cameras c ON c.id = e.camera_id "
                + "WHERE c.name = 'moving' ORDER BY e.id DESC LIMIT 1");
        System.out.println("event row: " + row);
        String[] f = row.split("\\|");
        assertEquals("gap", f[1], row);
        assertEquals("1", f[2], row);
        Path snapshot = Path.of(f[3]);
        Path movie = Path.of(f[4]);
        assertTrue(snapshot.startsWith(target.resolve("moving")) && Files.size(snapshot) > 1000, row);
        assertEquals("mjpeg,320,180", probe(snapshot, "stream=codec_name,width,height"), "the snapshot is a JPEG");
        long red = redPixels(snapshot);
        System.out.println("snapshot " + snapshot + ": " + red + " red pixels");
        assertTrue(red > 50, "the snapshot is annotated: the moving cross has its red box (" + red + " red pixels)");
        assertEquals("h264,320,180", probe(movie, "stream=codec_name,width,height"), "the movie");
        double eventSeconds = Double.parseDouble(f[5]); // first motion to last motion + gap
        double expected = PRE + (eventSeconds - GAP) + POST;
        // counted, not read from the header: a fragmented MP4's header is written before its length is known
        double length = (double) frames(movie) / FPS;
        System.out.printf("movie %s: %.2f s, expected %.2f s (pre %.0f + motion %.2f + post %.0f)%n", movie, length,
                expected, PRE, eventSeconds - GAP, POST);
        assertTrue(Math.abs(length - expected) <= 1, "movie length " + length + " s, expected " + expected + " ± 1 s");
        assertEquals("2", sql(target.resolve("events.db"), "SELECT count(*) FROM files WHERE complete = 1 AND event_id = " + f[0]),
                "the snapshot and the movie, each complete");
        try (var names = Files.walk(target)) {
            assertEquals(List.of(), names.filter(p -> p.toString().endsWith(".part")).toList(), "no file left .part");
        }
    }

    @Test
    void aStillCameraHasNoEvent() throws Exception {
        long wait = 60_000 - Duration.between(stillSince, Instant.now()).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        assertEquals("0", sql(target.resolve("events.db"), "SELECT count(*) FROM events e JOIN cameras c ON c.id = e.camera_id WHERE c.name = 'still'"),
                "the still camera had an event within " + Duration.between(stillSince, Instant.now()).toSeconds() + " s");
    }

    /** Pixels of the picture that are clearly red (the annotation's boxes), decoded by ffmpeg. */
    private static long redPixels(Path jpeg) throws Exception {
        Path rgb = Files.createTempFile("vigil-snapshot", ".rgb");
        ExternalCommand.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", jpeg.toString(), "-f", "rawvideo",
                "-pix_fmt", "rgb24", "-y", rgb.toString()));
        byte[] p = Files.readAllBytes(rgb);
        Files.delete(rgb);
        long red = 0;
        for (int i = 0; i + 2 < p.length; i += 3) {
            if ((p[i] & 0xff) > 150 && (p[i + 1] & 0xff) < 100 && (p[i + 2] & 0xff) < 100) {
                red++;
            }
        }
        return red;
    }

    private static void awaitEvent(boolean running, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (daemon.camera("moving").events().orElseThrow().inEvent() != running) {
            assertTrue(System.nanoTime() < end, "no event " + (running ? "started" : "ended") + " within " + timeout);
            Thread.sleep(100);
        }
    }
}
