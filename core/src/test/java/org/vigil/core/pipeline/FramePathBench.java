package org.vigil.core.pipeline;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.vigil.core.bench.BenchScene;
import org.vigil.core.bench.MemoryCameras;
import org.vigil.core.bench.MemoryPipes;
import org.vigil.core.config.CameraConfig;
import org.vigil.core.config.ConfigLoader;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.Wakeup;
import org.vigil.opencv.OpenCvNatives;
import org.vigil.vloop.SinkListener;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's whole per-frame path on the host, with no device: a YUYV frame in a direct buffer from a memory camera
 * (frames stamped 1/30 s apart, lent at once) through the camera's own {@link FramePath}: counting, at 5 detections
 * a second the 2x2 luma shrink into the detector's slot (the detector runs on its worker thread, as in the daemon),
 * the annotation drawn into the pipe's buffer after the copy, into a memory pipe that publishes nowhere (the null
 * sink). Beside it, {@code memcpy}: the frame's bytes copied once into another direct buffer, the floor any path that
 * hands a frame on must pay. {@code scene=still} is the empty, noisy scene (no allocation expected);
 * {@code scene=walker} has motion in every frame (boxes drawn; a Detection per detection). Run with -prof gc; the
 * detector's own time per frame is printed at the end of each trial, since it runs on the worker's thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class FramePathBench {
    private static final String CAMERA = "bench";

    @Param({"640x480", "1280x720", "1920x1080"})
    public String size;

    @Param({"still", "walker"})
    public String scene;

    private BenchScene pictures;
    private CameraSession session;
    private FramePath path;
    private CameraCounters counters;
    private Wakeup wakeup;
    private ByteBuffer source;
    private ByteBuffer copy;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        OpenCvNatives.load();
        String[] wh = size.split("x");
        int width = Integer.parseInt(wh[0]);
        int height = Integer.parseInt(wh[1]);
        pictures = scene.equals("still") ? BenchScene.still(width, height) : BenchScene.walker(width, height, 24);
        Path file = Files.createTempFile("vigil-bench", ".yml");
        Files.writeString(file, """
                retention: {min-free: none}
                target-dir: %s
                cameras:
                  %s:
                    device: /dev/v4l/by-id/memory-bench
                    size: %s
                    fps: 30
                    detection-fps: 5
                    events: {snapshot: off, movie: off}
                """.formatted(Files.createTempDirectory("vigil-bench-files"), CAMERA, size));
        DetectorCatalog detectors = DetectorCatalog.load();
        CameraConfig config = new ConfigLoader(detectors).load(file).cameras().get(CAMERA);
        Files.delete(file);
        CameraContext context = new CameraContext(detectors, new MemoryCameras(Map.of(CAMERA, pictures), false),
                new MemoryPipes(), Runnable::run, SinkListener.LOG, null);
        counters = new CameraCounters();
        wakeup = Wakeup.create();
        session = CameraSession.open(config, wakeup, context, counters, DetectionListener.NONE, () -> true, false);
        path = new FramePath(CAMERA, session, counters, null, new boolean[FramePath.Stage.values().length],
                config.detectionFps());
        source = pictures.pictures().get(0).duplicate();
        copy = ByteBuffer.allocateDirect(source.capacity());
    }

    @Benchmark
    public void framePath() throws Exception {
        Frame frame = session.stream().next();
        try {
            path.process(frame);
        } finally {
            frame.close();
        }
    }

    @Benchmark
    public ByteBuffer memcpy() {
        source.position(0);
        copy.clear();
        return copy.put(source);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long frames = counters.framesIn();
        if (frames > 0) {
            System.out.printf(Locale.ROOT, "%n  %s %s: %d frames, %d detections (%d due while the detector was busy), "
                            + "detector %.1f us per detection = %.1f us per frame on its own thread; %d stage failures%n",
                    size, scene, frames, counters.detections(), counters.detectionSkipped(),
                    counters.detections() == 0 ? 0 : counters.detectionNanos() / 1e3 / counters.detections(),
                    counters.detectionNanos() / 1e3 / frames, counters.stageFailures());
        }
        session.close();
        wakeup.close();
    }
}
