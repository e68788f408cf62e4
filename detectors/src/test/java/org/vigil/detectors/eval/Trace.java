package org.vigil.detectors.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.vigil.detectors.Box;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.DetectorProvider;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.MotionDetector;
import org.vigil.opencv.OpenCvNatives;

/**
 * Prints one detector's verdict on each frame of a scenario beside the truth: for finding out why a figure is bad.
 * Given a motion-compare directory instead of the footage, it runs the detector over that whole exported stream, as
 * the comparison does (one detector from the first frame to the last, no calibration between scenarios), and prints
 * the scenario's frames.
 */
public final class Trace {

    private Trace() {
    }

    /** Trace FOOTAGE_DIR|MOTION_COMPARE_DIR DETECTOR SCENARIO [FROM [TO]] */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        DetectorProvider provider = DetectorCatalog.load().provider(args[1]);
        String scenario = args[2];
        int from = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int to = args.length > 4 ? Integer.parseInt(args[4]) : Integer.MAX_VALUE;
        if (Files.exists(dir.resolve("run.properties"))) {
            traceStream(ExportedRun.read(dir), provider, scenario, from, to);
            return;
        }
        Footage footage = new Footage(dir);
        SceneAssets assets = SceneAssets.build(footage);
        for (Scenario s : EvaluationSet.standard(footage, assets, 2)) {
            if (!s.name().equals(scenario)) {
                continue;
            }
            byte[] pixels = new byte[s.width() * s.height()];
            Mat frame = new Mat(s.height(), s.width(), CvType.CV_8UC1);
            try (MotionDetector detector = provider.create(DetectorSetup.of(s.width(), s.height(), provider.options().defaults()))) {
                for (int i = 0; i < s.frames() && i <= to; i++) {
                    FrameTruth truth = s.render(i, pixels);
                    frame.put(0, 0, pixels);
                    Detection d = detector.detect(frame, Math.round(i * 1e9 / s.fps()));
                    if (i >= from) {
                        print(i, truth, d);
                    }
                }
            } finally {
                frame.release();
            }
        }
    }

    private static void traceStream(ExportedRun run, DetectorProvider provider, String scenario, int from, int to) {
        OpenCvNatives.load();
        Footage.Clip clip = run.clip();
        byte[] pixels = new byte[clip.frameBytes()];
        Mat frame = new Mat(run.height(), run.width(), CvType.CV_8UC1);
        try (MotionDetector detector = provider.create(DetectorSetup.of(run.width(), run.height(), provider.options().defaults()))) {
            for (int i = 0; i < run.frames().size(); i++) {
                ExportedRun.Frame f = run.frames().get(i);
                if (f.scenario().equals(scenario) && f.index() > to) {
                    break;
                }
                clip.read(i, pixels);
                frame.put(0, 0, pixels);
                Detection d = detector.detect(frame, Math.round(i * 1e9 / run.fps()));
                if (f.scenario().equals(scenario) && f.index() >= from) {
                    print(f.index(), f.truth(), d);
                }
            }
        } finally {
            frame.release();
        }
    }

    private static void print(int index, FrameTruth truth, Detection d) {
        System.out.printf(Locale.ROOT, "%4d %-6s %-11s %.4f noise %.1f truth %s boxes %s tracks %s%n", index,
                truth.motion() ? "MOVING" : truth.lightingChange() ? "LIGHT" : "-", d.state(), d.changedFraction(),
                d.noiseLevel(), truth.box().map(Box::toString).orElse("-"), d.boxes(), d.tracks());
    }
}
