package org.vigil.core.rig;

import org.junit.jupiter.api.Test;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.LogLines;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.core.rig.RigClients.frames;
import static org.vigil.core.rig.RigClients.probe;
import static org.vigil.core.rig.RigClients.sql;

/**
 * The movies other than H.264 MP4: an MJPEG camera's own JPEG frames go into Matroska as they came (ffprobe finds
 * MJPEG, not H.264, in the file); without ffmpeg, OpenCV's own writer makes MJPEG AVI movies.
 */
class MovieFormatsIT {
    @Test
    void anMjpegCamerasFramesGoIntoTheMovieWithoutReencoding() throws Exception {
        Path target = Files.createTempDirectory("vigil-mjpeg-movie");
        Path config = ConfigFiles.write("""
                status-interval: 3600
                loopback: {pipe: off}
                target-dir: %s
                events: {event-gap: 2, pre-capture: 1, post-capture: 1}
                cameras:
                  street:
                    device: {card: cam-b}
                    size: 768x576
                    fps: 10
                """.formatted(target));
        Path movie = recordOneEvent(config, target, "street", List.of(),
                () -> FfmpegCamera.start(Footage.vtest(), RigVideo.loopback("cam-b"), List.of("-c:v", "mjpeg")));
        assertTrue(movie.toString().endsWith(".mkv"), movie.toString());
        assertEquals("mjpeg,768,576", probe(movie, "stream=codec_name,width,height"));
        assertTrue(frames(movie) >= 20, movie + " plays");
    }

    @Test
    void withoutFfmpegMoviesAreMjpegAviFromOpenCv() throws Exception {
        Path target = Files.createTempDirectory("vigil-avi-movie");
        Path node = RigVideo.vivid(0);
        Path config = ConfigFiles.write("""
                status-interval: 3600
                loopback: {pipe: off}
                target-dir: %s
                ffmpeg: none
                events: {event-gap: 2, pre-capture: 1, post-capture: 1}
                cameras:
                  yard:
                    device: %s
                    size: 320x180
                    fps: 10
                    controls: {test_pattern: 19, horizontal_movement: 5, osd_text_mode: 2}
                """.formatted(target, node));
        Path movie = recordOneEvent(config, target, "yard", List.of(node), () -> null);
        assertTrue(movie.toString().endsWith(".avi"), movie.toString());
        assertEquals("mjpeg,320,180", probe(movie, "stream=codec_name,width,height"));
        assertTrue(frames(movie) >= 20, movie + " plays");
    }

    private interface Feed {
        AutoCloseable start() throws Exception;
    }

    /** Runs the daemon until the camera's first event ended (its pattern stopped, or its feed), then its movie. */
    private static Path recordOneEvent(Path config, Path target, String camera, List<Path> vivids, Feed feed)
            throws Exception {
        DetectorCatalog detectors = TestDetectors.catalog();
        Daemon daemon = Daemon.create(detectors, null);
        AutoCloseable producer = null;
        try (LogLines log = LogLines.capture()) {
            producer = feed.start();
            daemon.start(ConfigFiles.load(config, detectors));
            log.await("camera " + camera + ": event 1 started", 1, 180_000);
            Thread.sleep(4000);
            for (Path vivid : vivids) {
                RigClients.control(vivid, "horizontal_movement=3");
            }
            if (producer != null) {
                producer.close(); // the camera is lost: the event ends as camera-lost with its movie finished
                producer = null;
            }
            log.await("camera " + camera + ": event 1 ended", 1, 60_000);
        } finally {
            daemon.stop(Duration.ofSeconds(15));
            if (producer != null) {
                producer.close();
            }
        }
        return Path.of(sql(target.resolve("events.db"), "SELECT movie FROM events WHERE id = 1"));
    }
}
