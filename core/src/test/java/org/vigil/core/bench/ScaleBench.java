package org.vigil.core.bench;

import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.pipeline.CameraCounters;
import org.vigil.core.pipeline.CameraPipeline;
import org.vigil.opencv.OpenCvNatives;
import org.vigil.vloop.LoopbackSink;
import org.vigil.vloop.SinkCounters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many cameras one core carries: the daemon's own pipeline (capture thread, detection worker, annotator, the
 * events) over N memory cameras paced at the camera rate, into memory pipes (the null sink), run under
 * {@code taskset -c 0} so that every thread shares one CPU. For each N: a warm-up, then a measured stretch: CPU of
 * this process (and of ffmpeg, when a camera records) as a share of the one core, frames in against those due, and
 * every drop (capture: sequence gaps; pipe; detections due while the detector was busy). Two series: quiet cameras
 * (the empty scene: no event), and cameras whose scene has people coming and going (events open and close, a
 * snapshot each, the first camera recording its movies through ffmpeg). Prints tables; judges nothing.
 *
 * <p>usage: ScaleBench WxH FPS DETECTION_FPS COUNTS [EVENT_COUNTS] [WARMUP_SECONDS MEASURED_SECONDS]
 */
public final class ScaleBench {
    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        String size = args[0];
        int fps = Integer.parseInt(args[1]);
        double detectionFps = Double.parseDouble(args[2]);
        int[] counts = counts(args[3]);
        int[] eventCounts = args.length > 4 ? counts(args[4]) : counts;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        int measured = args.length > 6 ? Integer.parseInt(args[6]) : 20;
        OpenCvNatives.load();
        String[] wh = size.split("x");
        int width = Integer.parseInt(wh[0]);
        int height = Integer.parseInt(wh[1]);
        System.out.printf(Locale.ROOT, "%d CPU(s) available to this process; %s at %d fps, detection at %.1f fps, "
                + "%d s warm-up, %d s measured%n%n", Runtime.getRuntime().availableProcessors(), size, fps, detectionFps,
                warmup, measured);
        BenchScene still = BenchScene.still(width, height);
        printHeader("quiet cameras (no event)");
        for (int n : counts) {
            System.out.println(run(n, size, fps, detectionFps, warmup, measured, still, false));
        }
        // 6 s empty, then a figure crossing in 4 s: an event every 10 s per camera, closed 2 s after the figure left
        BenchScene busy = BenchScene.comingAndGoing(width, height, 6 * fps, 4 * fps, 24);
        System.out.println();
        printHeader("cameras with events (people coming and going: an event every 10 s each, a snapshot per event; "
                + "the first camera records its movies with ffmpeg)");
        for (int n : eventCounts) {
            System.out.println(run(n, size, fps, detectionFps, warmup, measured, busy, true));
        }
    }

    private static int[] counts(String list) {
        return java.util.Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static void printHeader(String title) {
        System.out.println("### " + title);
        System.out.println("| cameras | CPU of the core: vigil | ffmpeg | frames in / due | dropped: capture | pipe "
                + "| detections skipped | detections/s per camera | capture to pipe, mean ms | events (closed) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    }

    private static String run(int cameras, String size, int fps, double detectionFps, int warmup, int measured,
                              BenchScene scene, boolean withEvents) throws Exception {
        Path dir = Files.createTempDirectory("vigil-scale");
        StringBuilder yaml = new StringBuilder("""
                status-interval: 3600
                retention: {min-free: none}
                target-dir: %s
                size: %s
                fps: %d
                detection-fps: %s
                cameras:
                """.formatted(dir, size, fps, detectionFps));
        Map<String, BenchScene> scenes = new HashMap<>();
        for (int i = 1; i <= cameras; i++) {
            String name = "cam" + i;
            scenes.put(name, scene);
            String events = !withEvents ? "{snapshot: off, movie: off}"
                    : i == 1 ? "{event-gap: 2, pre-capture: 1, post-capture: 1}" : "{event-gap: 2, movie: false}";
            yaml.append("  ").append(name).append(":\n    device: /dev/v4l/by-id/memory-" + name + "\n    events: ").append(events).append('\n');
        }
        Daemon daemon = MemoryCameras.startDaemon(dir, yaml, scenes);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (CameraPipeline camera : daemon.cameras()) {
                while (camera.state() != CameraPipeline.State.STREAMING) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("camera " + camera.name() + " did not stream: " + camera.problem());
                    }
                    Thread.sleep(50);
                }
            }
            Thread.sleep(warmup * 1000L);
            List<CameraCounters.Snapshot> before = new ArrayList<>();
            List<SinkCounters> pipesBefore = new ArrayList<>();
            for (CameraPipeline camera : daemon.cameras()) {
                before.add(camera.counters().snapshot());
                pipesBefore.add(feed(camera).counters());
            }
            long self = ProcessHandle.current().pid();
            long ticks = ProcessCpu.ticks(self);
            Map<Long, Long> children = childTicks();
            long started = System.nanoTime();
            Thread.sleep(measured * 1000L);
            double seconds = (System.nanoTime() - started) / 1e9;
            long used = ProcessCpu.ticks(self) - ticks;
            long childUsed = 0;
            for (Map.Entry<Long, Long> child : childTicks().entrySet()) {
                childUsed += child.getValue() - children.getOrDefault(child.getKey(), 0L);
            }
            long in = 0;
            long captureDropped = 0;
            long pipeDropped = 0;
            long skipped = 0;
            long detections = 0;
            long fed = 0;
            long latency = 0;
            List<CameraPipeline> running = daemon.cameras();
            for (int i = 0; i < running.size(); i++) {
                CameraCounters.Snapshot after = running.get(i).counters().snapshot();
                CameraCounters.Snapshot was = before.get(i);
                SinkCounters pipe = feed(running.get(i)).counters();
                in += after.framesIn() - was.framesIn();
                captureDropped += after.captureDropped() - was.captureDropped();
                skipped += after.detectionSkipped() - was.detectionSkipped();
                detections += after.detections() - was.detections();
                fed += after.fedFrames() - was.fedFrames();
                latency += after.feedLatencyNanos() - was.feedLatencyNanos();
                pipeDropped += pipe.dropped() - pipesBefore.get(i).dropped();
            }
            long due = Math.round(seconds * fps * cameras);
            double core = used * 100.0 / ProcessCpu.TICKS_PER_SECOND / seconds;
            double ffmpeg = childUsed * 100.0 / ProcessCpu.TICKS_PER_SECOND / seconds;
            daemon.stop(Duration.ofSeconds(10));
            String events = withEvents ? events(dir.resolve("events.db")) : "–";
            return String.format(Locale.ROOT, "| %d | %.0f%% | %s | %d / %d | %d | %d | %d | %.1f | %.2f | %s |", cameras,
                    core, withEvents ? String.format(Locale.ROOT, "%.0f%%", ffmpeg) : "–", in, due, captureDropped,
                    pipeDropped, skipped, detections / seconds / cameras, fed == 0 ? 0 : latency / 1e6 / fed, events);
        } finally {
            if (daemon.state() != Daemon.State.STOPPED) {
                daemon.stop(Duration.ofSeconds(10));
            }
        }
    }

    private static LoopbackSink feed(CameraPipeline camera) {
        return camera.session().orElseThrow().feed().orElseThrow();
    }

    /** CPU ticks of this process's descendants (ffmpeg encoders) by pid. */
    private static Map<Long, Long> childTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        ProcessHandle.current().descendants().forEach(child -> {
            long used = ProcessCpu.ticks(child.pid());
            if (used >= 0) {
                ticks.put(child.pid(), used);
            }
        });
        return ticks;
    }

    /** "12 (11)": events in the database, and how many of them closed. */
    private static String events(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             ResultSet all = connection.createStatement().executeQuery(
                     "SELECT count(*), count(end) FROM events")) {
            return all.getLong(1) + " (" + all.getLong(2) + ")";
        }
    }
}
