package org.vigil.core.rig;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.pipeline.CameraCounters;
import org.vigil.core.pipeline.CameraPipeline;
import org.vigil.core.store.EventQuery;
import org.vigil.core.store.StoredEvent;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real footage through a real device: ffmpeg plays opencv-doc's vtest.avi (pedestrians, 768x576 at 10 fps) into a
 * loopback node in real time, and the daemon reads it as a camera: boxes around the walkers, and no frame dropped at
 * the camera's rate.
 */
@Order(4)
class VtestWalkersIT {

    @Test
    void walkersAreBoxedAndNoFrameIsDropped() throws Exception {
        DetectorCatalog detectors = TestDetectors.catalog();
        Path target = Files.createTempDirectory("vigil-walkers");
        Path file = ConfigFiles.write("""
                status-interval: 3600
                target-dir: %s
                events: {event-gap: 3, movie: false}
                cameras:
                  street:
                    device: {card: cam-b}
                    size: 768x576
                    fps: 10
                    loopback: {pipe: label:feed-c}
                """.formatted(target));
        TapRecorder tap = new TapRecorder();
        Daemon daemon = Daemon.create(detectors, tap);
        try (FfmpegCamera camera = FfmpegCamera.start(Footage.vtest(), RigVideo.loopback("cam-b"),
                List.of("-pix_fmt", "yuyv422"))) {
            daemon.start(ConfigFiles.load(file, detectors));
            Streams.awaitStreaming(daemon, List.of("street"), Duration.ofSeconds(120));
            CameraPipeline street = daemon.camera("street");
            Streams.awaitFrames(street, 30, Duration.ofSeconds(60)); // calibration
            CameraCounters.Snapshot before = street.counters().snapshot();
            long started = System.nanoTime();
            Instant from = Instant.now();
            tap.recordRegions(150);
            List<TapRecorder.Shot> shots = tap.await("street", 150, 120_000);
            tap.clear();
            double seconds = (System.nanoTime() - started) / 1e9;
            Instant to = Instant.now();
            CameraCounters.Snapshot after = street.counters().snapshot();
            long in = after.framesIn() - before.framesIn();
            long boxed = shots.stream().filter(shot -> shot.drawn().size() > 2).count();
            String figures = String.format(Locale.ROOT, "%d frames in %.1f s (%.1f/s), %d of %d annotated frames with "
                    + "boxes, %d dropped by the driver", in, seconds, in / seconds, boxed, shots.size(),
                    after.captureDropped() - before.captureDropped());
            System.out.println("vtest.avi: " + figures);
            assertTrue(camera.isAlive(), camera.log());
            assertEquals(0, after.captureDropped() - before.captureDropped(), figures);
            assertTrue(in / seconds > 9, "the camera's 10 fps kept: " + figures);
            assertTrue(boxed > shots.size() * 0.8, "walkers are in almost every frame of vtest.avi: " + figures);
            for (TapRecorder.Shot shot : shots) {
                for (int[] box : shot.drawn().subList(0, shot.drawn().size() - 2)) {
                    // a pedestrian, or a few walking together: never the whole scene
                    assertTrue((long) box[2] * box[3] < 768L * 576 / 4, "a box of " + box[2] + "x" + box[3]);
                }
            }
            daemon.stop(Duration.ofSeconds(15));
            // people walk through the whole clip: events cover (nearly) the whole time the frames above were taken
            try (EventQuery query = EventQuery.open(target.resolve("events.db"))) {
                List<StoredEvent> events = query.events(Optional.of("street"), Optional.empty(), Optional.empty());
                long covered = events.stream().mapToLong(e -> overlapMillis(e, from, to)).sum();
                long run = Duration.between(from, to).toMillis();
                System.out.println("vtest.avi: " + events.size() + " events cover " + covered + " of " + run + " ms");
                assertTrue(covered >= run * 0.8, events.size() + " events cover " + covered + " ms of " + run);
            }
        } finally {
            daemon.stop(Duration.ofSeconds(15));
        }
    }

    private static long overlapMillis(StoredEvent event, Instant from, Instant to) {
        Instant start = event.start().isAfter(from) ? event.start() : from;
        Instant end = event.end().orElse(to);
        end = end.isBefore(to) ? end : to;
        return Math.max(0, Duration.between(start, end).toMillis());
    }
}
