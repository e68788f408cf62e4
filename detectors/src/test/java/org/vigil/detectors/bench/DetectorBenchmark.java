package org.vigil.detectors.bench;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.opencv.core.Mat;
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
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.DetectorProvider;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.MotionDetector;
import org.vigil.opencv.OpenCvNatives;
import org.vigil.detectors.PackedLuma;
import org.vigil.detectors.analysis.AnalysisGeometry;
import org.vigil.detectors.eval.Evaluation;

/**
 * Per-frame cost from a YUYV camera buffer to a Detection, for each detector, input size and way of taking the Y
 * plane: {@code full} converts the whole frame (cvtColor YUYV→GRAY) and lets the detector shrink it; {@code shrunk}
 * area-averages the YUYV buffer straight to the analysis size. {@code scene=still} cycles through noisy frames of an
 * empty scene (the steady state: no heap allocation expected); {@code scene=walker} has a moving object in every
 * frame (a Detection with boxes is allocated per frame). Run with -prof gc for the allocation per operation.
 * On a shared machine add {@code -bm sample} for percentiles: the median and the lower percentiles then say more
 * about the code than the mean, which other processes' bursts inflate (sample mode's own bookkeeping allocates,
 * so read allocation in the default mode).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class DetectorBenchmark {

    private static final int FRAMES = 8;
    private static final long FRAME_NANOS = 100_000_000L;

    @Param({"640x480", "1280x720", "1920x1080"})
    public String size;

    @Param({"reference", "mog2"})
    public String detector;

    @Param({"full", "shrunk"})
    public String luma;

    /** Options over the defaults, "name=value;name=value" ("-" for none; JMH splits values on commas), to price one rule at a time. */
    @Param({"-"})
    public String options;

    @Param({"still", "walker"})
    public String scene;

    private final ByteBuffer[] frames = new ByteBuffer[FRAMES];
    private PackedLuma extractor;
    private MotionDetector motionDetector;
    private int shrinkFactor;
    private int next;
    private long timestamp;

    @Setup(Level.Trial)
    public void setUp() {
        OpenCvNatives.load();
        String[] wh = size.split("x");
        int width = Integer.parseInt(wh[0]);
        int height = Integer.parseInt(wh[1]);
        SplittableRandom random = new SplittableRandom(42);
        byte[] background = YuyvScene.background(width, height);
        for (int f = 0; f < FRAMES; f++) {
            int objectX = scene.equals("walker") ? width / 8 + f * width / 20 : -1;
            frames[f] = YuyvScene.frame(background, width, height, objectX, random);
        }
        extractor = PackedLuma.yuyv(width, height, 2L * width);
        DetectorProvider provider = DetectorCatalog.load().provider(detector);
        motionDetector = provider.create(DetectorSetup.of(width, height, provider.options().parse(Evaluation.optionPairs(options))));
        int analysisWidth = provider.options().defaults().integer("analysis-width");
        shrinkFactor = luma.equals("shrunk") ? 1 << AnalysisGeometry.halvingsFor(width, analysisWidth) : 1;
        // calibrate on the empty scene, then settle
        ByteBuffer empty = YuyvScene.frame(background, width, height, -1, random);
        for (int i = 0; i < 40; i++) {
            motionDetector.detect(extractor.shrunk(empty, shrinkFactor), timestamp += FRAME_NANOS);
        }
    }

    @Benchmark
    public Detection yuyvToDetection() {
        ByteBuffer frame = frames[next];
        next = (next + 1) % FRAMES;
        Mat y = shrinkFactor > 1 ? extractor.shrunk(frame, shrinkFactor) : extractor.fullSize(frame);
        return motionDetector.detect(y, timestamp += FRAME_NANOS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        motionDetector.close();
        extractor.close();
    }
}
