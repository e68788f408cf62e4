package org.vigil.core.rig;

import org.junit.jupiter.api.Test;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.pipeline.CameraPipeline;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.LogLines;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.kernel.testing.ExternalCommand;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.vigil.core.rig.RigClients.control;
import static org.vigil.core.rig.RigClients.frames;
import static org.vigil.core.rig.RigClients.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 4 MB tmpfs as target-dir, filled up while an event records: one line says so, the event's row ends disk-full,
 * its movie so far is kept as NAME-partial.mp4; capture, detection and the other camera never stop; once
 * the filler is removed the same event records again into its next movie, complete.
 */
class DiskFullIT {
    @Test
    void aFullDiskStopsTheRecordingOnlyAndRecordingResumesWhenSpaceReturns() throws Exception {
        Path target = Files.createTempDirectory("vigil-small-disk");
        ExternalCommand.run(List.of("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", target.toString()));
        Path db = Files.createTempDirectory("vigil-db").resolve("events.db"); // the rows need room of their own
        Path yardNode = RigVideo.vivid(0);
        Daemon daemon = null;
        try (LogLines log = LogLines.capture()) {
            Path config = ConfigFiles.write("""
                    status-interval: 3600
                    loopback: {pipe: off}           # no annotated feed: cam-a and cam-b are cameras here
                    target-dir: %s
                    database: %s
                    fps: 10
                    size: 320x180
                    events: {event-gap: 3, pre-capture: 1, post-capture: 1}
                    cameras:
                      yard:
                        device: %s
                        controls: {test_pattern: 19, horizontal_movement: 3, osd_text_mode: 2}
                      porch:
                        device: %s
                        controls: {test_pattern: 19, horizontal_movement: 3, osd_text_mode: 2}
                    """.formatted(target, db, yardNode, RigVideo.vivid(1)));
            DetectorCatalog detectors = TestDetectors.catalog();
            daemon = Daemon.create(detectors, null);
            daemon.start(ConfigFiles.load(config, detectors));
            Streams.awaitStreaming(daemon, List.of("yard", "porch"), Duration.ofSeconds(120));
            Streams.awaitFrames(daemon.camera("yard"), 40, Duration.ofSeconds(60));

            Path filler = target.resolve("filler");
            long free = Files.getFileStore(target).getUsableSpace();
            try (OutputStream out = Files.newOutputStream(filler)) {
                out.write(new byte[(int) (free - 16 * 1024)]); // a near-black pattern compresses to a few KB a second
            }
            control(yardNode, "horizontal_movement=5");
            log.await("camera yard: .* is full: the recording of event 1 stopped there", 1, 120_000);
            assertEquals(1, log.count(" is full: "), "one line says it");

            CameraPipeline yard = daemon.camera("yard");
            CameraPipeline porch = daemon.camera("porch");
            long yardFrames = yard.counters().framesIn();
            long yardDetections = yard.counters().detections();
            long porchFrames = porch.counters().framesIn();
            Thread.sleep(3000);
            assertTrue(yard.counters().framesIn() > yardFrames + 10, "the camera goes on");
            assertTrue(yard.counters().detections() > yardDetections + 3, "detection goes on");
            assertTrue(porch.counters().framesIn() > porchFrames + 10, "the other camera goes on");
            assertTrue(yard.events().orElseThrow().inEvent(), "the event goes on");

            Files.delete(filler);
            log.await("camera yard: .* has room again: event 1 is recorded again", 1, 30_000);
            Thread.sleep(3000);
            control(yardNode, "horizontal_movement=3");
            log.await("camera yard: event 1 ended", 1, 60_000);
            daemon.stop(Duration.ofSeconds(15));
            daemon = null;

            assertEquals("disk-full", sql(db, "SELECT end_reason FROM events WHERE id = 1"));
            List<String> movies = sql(db, "SELECT path || '|' || complete FROM files WHERE event_id = 1 AND kind = "
                    + "'movie' ORDER BY id").lines().toList();
            assertEquals(2, movies.size(), "the cut movie and the resumed one: " + movies);
            assertTrue(movies.get(0).endsWith("-partial.mp4|0"), movies.get(0));
            assertTrue(movies.get(1).endsWith("-event1-2.mp4|1"), movies.get(1));
            Path cut = Path.of(movies.get(0).substring(0, movies.get(0).indexOf('|')));
            Path resumed = Path.of(movies.get(1).substring(0, movies.get(1).indexOf('|')));
            assertTrue(Files.size(cut) > 0, cut + " keeps what was written before the disk filled");
            assertTrue(frames(resumed) > 0, resumed + " plays");
        } finally {
            if (daemon != null) {
                daemon.stop(Duration.ofSeconds(15));
            }
            ExternalCommand.run(List.of("umount", target.toString()));
        }
    }
}
