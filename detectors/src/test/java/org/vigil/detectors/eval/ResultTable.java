package org.vigil.detectors.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints evaluation scores as a Markdown table, with a pooled row per detector over the labelled scenarios. */
public final class ResultTable {

    private ResultTable() {
    }

    public static String markdown(List<ScenarioScore> scores) {
        StringBuilder out = new StringBuilder();
        out.append("| detector | scenario | kind | frames | precision | recall | mean IoU | motion frames | events | false events/h | longest false run | lighting frames | recalibration frames (mean/max) |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, List<ScenarioScore>> byDetector = new LinkedHashMap<>();
        for (ScenarioScore score : scores) {
            byDetector.computeIfAbsent(score.detector(), k -> new ArrayList<>()).add(score);
        }
        for (List<ScenarioScore> detectorScores : byDetector.values()) {
            for (ScenarioScore s : detectorScores) {
                out.append(row(s));
            }
            out.append(pooledRow(detectorScores));
        }
        return out.toString();
    }

    private static String row(ScenarioScore s) {
        boolean labelled = s.kind() == Scenario.Kind.LABELLED;
        boolean eventsAreFalse = s.kind() != Scenario.Kind.REAL_MOTION;
        return String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %.1f%% | %d | %s | %s | %d | %s |\n",
                s.detector(), s.scenario(), s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), s.frames(),
                labelled ? fixed(s.precision()) : "–", labelled ? fixed(s.recall()) : "–", labelled ? fixed(s.meanIou()) : "–",
                100.0 * s.motionFrames() / s.frames(), s.events(),
                eventsAreFalse ? String.format(Locale.ROOT, "%.0f", s.falseEventsPerHour()) : "–",
                eventsAreFalse ? String.format(Locale.ROOT, "%.1f s", s.maxFalseRun() / s.fps()) : "–",
                s.lightingFrames(),
                // a detector that never reports lighting (motion) has no way back to quiet to time
                s.recalibrations() == 0 || s.lightingFrames() == 0 ? "–" : String.format(Locale.ROOT, "%.1f / %d", s.meanRecalibrationFrames(), s.maxRecalibrationFrames()));
    }

    private static String pooledRow(List<ScenarioScore> scores) {
        Pooled pooled = Pooled.of(scores);
        if (pooled.frames() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "| **%s** | **all labelled** | labelled | %d | **%s** | **%s** | **%s** | | | | | | |\n",
                scores.get(0).detector(), pooled.frames(), fixed(pooled.precision()), fixed(pooled.recall()), fixed(pooled.meanIou()));
    }

    private static String fixed(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Frame-level figures summed over one detector's labelled scenarios. */
    public record Pooled(int frames, int truePositives, int falsePositives, int falseNegatives, int boxedFrames, double iouSum) {

        public static Pooled of(List<ScenarioScore> scores) {
            int frames = 0, tp = 0, fp = 0, fn = 0, boxed = 0;
            double iou = 0;
            for (ScenarioScore s : scores) {
                if (s.kind() == Scenario.Kind.LABELLED) {
                    frames += s.frames();
                    tp += s.truePositives();
                    fp += s.falsePositives();
                    fn += s.falseNegatives();
                    boxed += s.boxedFrames();
                    iou += s.iouSum();
                }
            }
            return new Pooled(frames, tp, fp, fn, boxed, iou);
        }

        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double meanIou() {
            return boxedFrames == 0 ? Double.NaN : iouSum / boxedFrames;
        }
    }
}
