package org.vigil.detectors.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.vigil.detectors.Box;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.DetectorProvider;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.MotionDetector;
import org.vigil.opencv.OpenCvNatives;

/**
 * vigil beside Debian's motion on the same frames. {@code export DIR} writes a run of evaluation scenarios as one
 * raw stream (detectors/eval/motion-compare feeds it to motion through a v4l2loopback camera in the real-kernel
 * rig); {@code report DIR} reads what motion's hooks logged (DIR/hooks.log), runs vigil's detectors over the same
 * stream and prints both sets of figures.
 */
public final class MotionComparison {

    static final String LEAD_IN = "lead-in";
    /**
     * A subset, one or two of each family: motion needs the feed slowed to half speed to keep up inside the emulated
     * rig. tree-wind is left out because tree.avi is not vtest's size (one loopback format per run): foliage-corner
     * puts its leaves into vtest's scene.
     */
    private static final List<String> SCENARIOS = List.of("walk-noise3", "walk-autogain", "brightness-steps", "ir-switch",
            "auto-gain-flicker", "static-noise4", "exposure-ir-clip", "exposure-light-on", "near-object-45", "near-object-60",
            "ghost-ir-switch", "mjpeg-q25", "walk-mjpeg-q50", "shake-2px", "walk-shake-2px", "foliage-corner", "flag",
            "insects-ir", "walk-quarter");

    private MotionComparison() {
    }

    public static void main(String[] args) {
        if (args.length != 4 || !args[2].equals("-footage") || !(args[0].equals("export") || args[0].equals("report"))) {
            System.err.println("usage: MotionComparison export|report DIR -footage FOOTAGE_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        if (args[0].equals("export")) {
            export(dir, new Footage(Path.of(args[3])));
        } else {
            report(dir);
        }
    }

    static void export(Path dir, Footage footage) {
        SceneAssets assets = SceneAssets.build(footage);
        List<Scenario> run = new ArrayList<>();
        // motion starts after the feed does (a loopback camera has no format until a producer attaches) and
        // needs time to settle: ten seconds of the still scene first, not scored
        run.add(new LightingScenario(LEAD_IN, Scenario.Kind.STATIC, assets, 100, 10, 3, 41,
                (frame, random) -> new LightingScenario.Exposure(0, 1, 0, false)));
        for (Scenario scenario : EvaluationSet.standard(footage, assets, 1)) {
            if (SCENARIOS.contains(scenario.name())) {
                run.add(scenario);
            }
        }
        ExportedRun exported = ExportedRun.write(dir, run);
        System.out.println("exported " + exported.frames().size() + " frames of " + run.size() + " scenarios to " + dir);
    }

    static void report(Path dir) {
        OpenCvNatives.load();
        ExportedRun run = ExportedRun.read(dir);
        MotionLog log = MotionLog.read(dir.resolve("hooks.log"));
        List<ScenarioScore> scores = new ArrayList<>();
        for (DetectorProvider provider : DetectorCatalog.load().providers()) {
            scores.addAll(score(run, provider.name(), vigilDetections(run, provider)));
        }
        int lag = log.bestLag(run);
        scores.addAll(score(run, "motion 4.5.1", log.detections(run, lag)));
        System.out.println();
        System.out.printf("motion logged %d motion frames and %d events; fed at %.1f fps, its reports lag the feed by %d frames%n",
                log.motionFrames(), log.events(), log.feedFps(), lag);
        System.out.print(ResultTable.markdown(scores));
    }

    private static List<Detection> vigilDetections(ExportedRun run, DetectorProvider provider) {
        List<Detection> detections = new ArrayList<>();
        Footage.Clip clip = run.clip();
        byte[] pixels = new byte[clip.frameBytes()];
        Mat frame = new Mat(run.height(), run.width(), CvType.CV_8UC1);
        try (MotionDetector detector = provider.create(DetectorSetup.of(run.width(), run.height(), provider.options().defaults()))) {
            for (int i = 0; i < run.frames().size(); i++) {
                clip.read(i, pixels);
                frame.put(0, 0, pixels);
                detections.add(detector.detect(frame, Math.round(i * 1e9 / run.fps())));
            }
        } finally {
            frame.release();
        }
        return detections;
    }

    /** One detector's detections over the whole run, scored scenario by scenario (the lead-in is not scored). */
    private static List<ScenarioScore> score(ExportedRun run, String detector, List<Detection> detections) {
        Map<String, ScenarioScore> scores = new LinkedHashMap<>();
        for (int i = 0; i < run.frames().size(); i++) {
            ExportedRun.Frame f = run.frames().get(i);
            if (f.scenario().equals(LEAD_IN)) {
                continue;
            }
            scores.computeIfAbsent(f.scenario(), name -> new ScenarioScore(name, f.kind(), detector, run.fps()))
                    .add(f.index(), f.truth(), detections.get(i));
        }
        scores.values().forEach(ScenarioScore::finish);
        return new ArrayList<>(scores.values());
    }

    /**
     * What motion's hooks wrote: "feed NANOS FPS" when the feed started (FPS: the rate frames were fed at), then "motion NANOS %D %N %i %J %K %L" per
     * motion frame and "event_start NANOS %v" per event. Times are the hook's clock, so motion's frames are
     * matched to feed frames by time, after removing motion's capture and processing lag.
     */
    record MotionLog(long feedStart, double feedFps, List<long[]> motion, int events) {

        static MotionLog read(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException("no motion log at " + file + ": run detectors/eval/motion-compare", e);
            }
            long feed = -1;
            double feedFps = 0;
            int events = 0;
            List<long[]> motion = new ArrayList<>();
            for (String line : lines) {
                String[] f = line.strip().split("\\s+");
                switch (f[0]) {
                    case "feed" -> {
                        feed = Long.parseLong(f[1]);
                        feedFps = Double.parseDouble(f[2]);
                    }
                    case "event_start" -> events++;
                    case "motion" -> {
                        // time, changed pixels, box width, height, centre x, centre y
                        motion.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[4]),
                                Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7])});
                    }
                    default -> {
                    }
                }
            }
            if (feed < 0) {
                throw new IllegalStateException(file + " has no 'feed' line: the comparison script did not start the feed");
            }
            return new MotionLog(feed, feedFps, motion, events);
        }

        int motionFrames() {
            return motion.size();
        }

        private int frameOf(long[] entry, ExportedRun run, int lag) {
            return (int) Math.round((entry[0] - feedStart) / 1e9 * feedFps) - lag;
        }

        /** The lag (in frames) that best lines motion's reports up with the labelled walkers. */
        int bestLag(ExportedRun run) {
            int best = 0;
            long bestScore = Long.MIN_VALUE;
            for (int lag = -5; lag <= 60; lag++) {
                long score = 0;
                for (long[] entry : motion) {
                    int frame = frameOf(entry, run, lag);
                    if (frame >= 0 && frame < run.frames().size() && run.frames().get(frame).kind() == Scenario.Kind.LABELLED) {
                        score += run.frames().get(frame).truth().motion() ? 1 : -1;
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = lag;
                }
            }
            return best;
        }

        List<Detection> detections(ExportedRun run, int lag) {
            List<Detection> detections = new ArrayList<>();
            Detection quiet = Detection.without(DetectionState.QUIET, 0, 0, 0);
            for (int i = 0; i < run.frames().size(); i++) {
                detections.add(quiet);
            }
            for (long[] entry : motion) {
                int frame = frameOf(entry, run, lag);
                if (frame >= 0 && frame < detections.size()) {
                    int w = (int) entry[2];
                    int h = (int) entry[3];
                    Box box = new Box((int) entry[4] - w / 2, (int) entry[5] - h / 2, w, h);
                    detections.set(frame, new Detection(DetectionState.MOTION, (double) entry[1] / (run.width() * run.height()),
                            entry[1], List.of(box), Optional.empty(), 0, List.of()));
                }
            }
            return detections;
        }
    }
}
