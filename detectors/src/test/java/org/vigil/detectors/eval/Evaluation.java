package org.vigil.detectors.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectorProvider;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.MotionDetector;
import org.vigil.opencv.OpenCvNatives;

/** Feeds every scenario, frame by frame, to a fresh instance of every detector, at its default options unless given others. */
public final class Evaluation {

    private final List<DetectorProvider> providers;
    private final Map<String, String> options;

    public Evaluation(List<DetectorProvider> providers) {
        this(providers, Map.of());
    }

    /** @param options option values given to every detector instead of its defaults (each must know them all) */
    public Evaluation(List<DetectorProvider> providers, Map<String, String> options) {
        OpenCvNatives.load();
        this.providers = List.copyOf(providers);
        this.options = Map.copyOf(options);
    }

    /** "name=value;name=value" as a map ("-" or empty for none): option values given on a command line. */
    public static Map<String, String> optionPairs(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (!text.isEmpty() && !text.equals("-")) {
            for (String pair : text.split(";")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("option '" + pair + "' is not name=value");
                }
                pairs.put(kv[0].strip(), kv[1].strip());
            }
        }
        return pairs;
    }

    /** Scores in scenario order, one per detector; {@code progress} hears about each finished scenario. */
    public List<ScenarioScore> run(List<Scenario> scenarios, Consumer<String> progress) {
        List<ScenarioScore> scores = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            long start = System.nanoTime();
            scores.addAll(run(scenario));
            progress.accept(String.format(java.util.Locale.ROOT, "%s: %d frames in %.1f s",
                    scenario.name(), scenario.frames(), (System.nanoTime() - start) / 1e9));
        }
        return scores;
    }

    public List<ScenarioScore> run(Scenario scenario) {
        List<MotionDetector> detectors = new ArrayList<>();
        List<ScenarioScore> scores = new ArrayList<>();
        byte[] pixels = new byte[scenario.width() * scenario.height()];
        Mat frame = new Mat(scenario.height(), scenario.width(), CvType.CV_8UC1);
        try {
            for (DetectorProvider provider : providers) {
                detectors.add(provider.create(DetectorSetup.of(scenario.width(), scenario.height(), provider.options().parse(options))));
                scores.add(new ScenarioScore(scenario.name(), scenario.kind(), provider.name(), scenario.fps()));
            }
            for (int i = 0; i < scenario.frames(); i++) {
                FrameTruth truth = scenario.render(i, pixels);
                frame.put(0, 0, pixels);
                long timestamp = Math.round(i * 1e9 / scenario.fps());
                for (int d = 0; d < detectors.size(); d++) {
                    Detection detection = detectors.get(d).detect(frame, timestamp);
                    scores.get(d).add(i, truth, detection);
                }
            }
        } finally {
            detectors.forEach(MotionDetector::close);
            frame.release();
        }
        scores.forEach(ScenarioScore::finish);
        return scores;
    }
}
