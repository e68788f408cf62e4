package org.vigil.core.rig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.pipeline.CameraCounters;
import org.vigil.core.pipeline.CameraPipeline;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.vloop.LoopbackSink;
import org.vigil.vloop.SinkCounters;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the capture thread must never do: wait for a detector slower than the camera (one found through the SPI that
 * takes 200 ms a frame), or allocate per frame once it runs steadily.
 */
@Order(3)
class CaptureThreadIT {
    private static Daemon daemon;

    @BeforeAll
    static void start() throws Exception {
        DetectorCatalog detectors = TestDetectors.catalog();
        Path file = ConfigFiles.write("""
                status-interval: 3600
                size: 640x480
                controls: {test_pattern: 19, horizontal_movement: 3, osd_text_mode: 2}
                cameras:
                  slow:
                    device: %s
                    fps: 15
                    detection-fps: 0
                    detector: {name: slow-test, delay-ms: 200}
                    loopback: {pipe: label:feed-a}
                  quiet:
                    device: %s
                    fps: 10
                    detection-fps: 2
                    annotation: {time: false}
                    events: {movie: true}       # every frame copied into the frame ring (pre-capture), measured below
                    loopback: {pipe: label:feed-b}
                """.formatted(RigVideo.vivid(0), RigVideo.vivid(1)));
        daemon = Daemon.create(detectors, null);
        daemon.start(ConfigFiles.load(file, detectors));
        Streams.awaitStreaming(daemon, List.of("slow", "quiet"), Duration.ofSeconds(120));
        Streams.awaitFrames(daemon.camera("slow"), 30, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.stop(Duration.ofSeconds(3));
        }
    }

    @Test
    void aDetectorSlowerThanTheCameraLowersTheDetectionRateOnly() throws Exception {
        CameraPipeline slow = daemon.camera("slow");
        CameraCounters.Snapshot before = slow.counters().snapshot();
        SinkCounters feedBefore = feed(slow).counters();
        long started = System.nanoTime();
        Thread.sleep(10_000);
        double seconds = (System.nanoTime() - started) / 1e9;
        CameraCounters.Snapshot after = slow.counters().snapshot();
        SinkCounters feedAfter = feed(slow).counters();
        long in = after.framesIn() - before.framesIn();
        long detections = after.detections() - before.detections();
        long skipped = after.detectionSkipped() - before.detectionSkipped();
        long written = feedAfter.written() - feedBefore.written();
        String figures = String.format(Locale.ROOT, "%.1f s: %d frames in (%.1f/s), %d to the pipe, %d detections "
                + "(%.1f/s), %d skipped, %d dropped by the driver", seconds, in, in / seconds, written, detections,
                detections / seconds, skipped, after.captureDropped() - before.captureDropped());
        System.out.println("slow detector: " + figures);
        assertTrue(in / seconds > 13, "capture kept the camera's 15 fps: " + figures);
        assertEquals(0, after.captureDropped() - before.captureDropped(), "no frame dropped: " + figures);
        assertTrue(Math.abs(written - in) <= 2, "every frame went to the pipe: " + figures);
        assertEquals(0, feedAfter.dropped() - feedBefore.dropped(), figures);
        assertTrue(detections / seconds <= 5.2 && detections > 0, "one detection per 200 ms at most: " + figures);
        assertTrue(skipped >= in - detections - 2, "the frames the detector could not take were counted: " + figures);
    }

    @Test
    void theCaptureThreadAllocatesNothingPerFrameInSteadyState() throws Exception {
        CameraPipeline quiet = daemon.camera("quiet");
        Streams.awaitFrames(quiet, 50, Duration.ofSeconds(60)); // warm: every buffer seen, the JIT's first compiles done
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = quiet.thread().getId();
        long framesBefore = quiet.counters().framesIn();
        long bytesBefore = threads.getThreadAllocatedBytes(id);
        Streams.awaitFrames(quiet, 150, Duration.ofSeconds(60));
        long bytes = threads.getThreadAllocatedBytes(id) - bytesBefore;
        long frames = quiet.counters().framesIn() - framesBefore;
        System.out.printf(Locale.ROOT, "capture thread: %d bytes over %d frames (%.1f per frame)%n", bytes, frames,
                (double) bytes / frames);
        // nothing per frame; a new overlay when the detection's noise level moves costs a few hundred bytes, now and then
        assertTrue(bytes < 2048, bytes + " bytes allocated over " + frames + " frames");
    }

    private static LoopbackSink feed(CameraPipeline camera) {
        return camera.session().orElseThrow().feed().orElseThrow();
    }
}
