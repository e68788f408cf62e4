package org.vigil.detectors.eval;

import java.nio.file.Path;
import java.util.Locale;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.DetectorProvider;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.MotionDetector;

/** Prints one detector's verdict on each frame of a scenario beside the truth: for finding out why a figure is bad. */
public final class Trace {

    private Trace() {
    }

    /** Trace FOOTAGE_DIR DETECTOR SCENARIO [FROM [TO]] */
    public static void main(String[] args) {
        Footage footage = new Footage(Path.of(args[0]));
        SceneAssets assets = SceneAssets.build(footage);
        DetectorProvider provider = DetectorCatalog.load().provider(args[1]);
        int from = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int to = args.length > 4 ? Integer.parseInt(args[4]) : Integer.MAX_VALUE;
        for (Scenario s : EvaluationSet.standard(footage, assets, 2)) {
            if (!s.name().equals(args[2])) {
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
                        System.out.printf(Locale.ROOT, "%4d %-6s %-11s %.4f noise %.1f boxes %s tracks %s%n", i,
                                truth.motion() ? "MOVING" : truth.lightingChange() ? "LIGHT" : "-", d.state(), d.changedFraction(),
                                d.noiseLevel(), d.boxes(), d.tracks());
                    }
                }
            }
            frame.release();
        }
    }
}
