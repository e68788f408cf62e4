package org.vigil.core.bench;

import org.vigil.core.config.ConfigLoader;
import org.vigil.core.config.VigilConfig;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.pipeline.CameraCounters;
import org.vigil.core.pipeline.CameraPipeline;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.vloop.LoopbackSink;
import org.vigil.vloop.SinkCounters;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The daemon's cost per frame, run inside the real-kernel rig against vivid (`mvn -pl core -Pbench verify`): for
 * each size, one camera streaming into an annotated pipe, after a warm-up, for a measured stretch: CPU time of the
 * capture thread and of the whole process per frame (utime + stime from /proc/self/stat), the detector's time per
 * detection, and the frames dropped on the way. Prints a table; judges nothing.
 *
 * <p>usage: PipelineBench VIVID_NODE PIPE_LABEL SECONDS WxH@FPS...
 */
public final class PipelineBench {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private PipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        String device = args[0];
        String pipe = args[1];
        int seconds = Integer.parseInt(args[2]);
        System.out.println("| size | frames | capture thread ms/frame | process ms/frame | detection ms | detections/s "
                + "| dropped (capture / pipe / skipped detections) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        for (int i = 3; i < args.length; i++) {
            String[] sizeRate = args[i].split("@");
            System.out.println(run(device, pipe, sizeRate[0], Integer.parseInt(sizeRate[1]), seconds));
        }
    }

    private static String run(String device, String pipe, String size, int fps, int seconds) throws Exception {
        Path file = Files.createTempFile("vigil-bench", ".yml");
        // events as configured by default (the moving cross makes one event the whole run: its movie is recorded)
        Files.writeString(file, """
                status-interval: 3600
                target-dir: %s
                cameras:
                  bench:
                    device: %s
                    size: %s
                    fps: %d
                    controls: {test_pattern: 19, horizontal_movement: 5, osd_text_mode: 2}
                    loopback: {pipe: label:%s}
                """.formatted(Files.createTempDirectory("vigil-bench-events"), device, size, fps, pipe));
        DetectorCatalog detectors = DetectorCatalog.load();
        VigilConfig config = new ConfigLoader(detectors).load(file);
        Daemon daemon = Daemon.create(detectors, null);
        daemon.start(config);
        try {
            CameraPipeline camera = daemon.camera("bench");
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (camera.state() != CameraPipeline.State.STREAMING || camera.counters().framesIn() < 10L * fps) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the camera did not stream: " + camera.problem());
                }
                Thread.sleep(100); // warm-up: calibration, and the JIT's compiles
            }
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long captureId = camera.thread().getId();
            CameraCounters.Snapshot before = camera.counters().snapshot();
            SinkCounters feedBefore = feed(camera).counters();
            long captureCpu = threads.getThreadCpuTime(captureId);
            long processTicks = processTicks();
            Thread.sleep(seconds * 1000L);
            long captureCpuUsed = threads.getThreadCpuTime(captureId) - captureCpu;
            long processUsed = processTicks() - processTicks;
            CameraCounters.Snapshot after = camera.counters().snapshot();
            SinkCounters feedAfter = feed(camera).counters();
            long frames = after.framesIn() - before.framesIn();
            long detections = after.detections() - before.detections();
            double detectionMs = detections == 0 ? 0 : (after.detectionNanos() - before.detectionNanos()) / 1e6 / detections;
            return String.format(Locale.ROOT, "| %s at %d fps | %d | %.2f | %.2f | %.1f | %.1f | %d / %d / %d |", size, fps,
                    frames, captureCpuUsed / 1e6 / frames, processUsed * 1000.0 / TICKS_PER_SECOND / frames, detectionMs,
                    detections / (double) seconds, after.captureDropped() - before.captureDropped(),
                    feedAfter.dropped() - feedBefore.dropped(), after.detectionSkipped() - before.detectionSkipped());
        } finally {
            daemon.stop(Duration.ofSeconds(3));
        }
    }

    private static LoopbackSink feed(CameraPipeline camera) {
        return camera.session().orElseThrow().feed().orElseThrow();
    }

    /** utime + stime of this process, in clock ticks. */
    private static long processTicks() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
