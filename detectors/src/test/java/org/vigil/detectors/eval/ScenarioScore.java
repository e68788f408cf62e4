package org.vigil.detectors.eval;

import org.vigil.detectors.Box;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;

/**
 * The figures of one detector on one scenario, accumulated frame by frame: frame-level precision and recall of
 * "motion present", mean IoU of the best box against the true box (a missed frame scores 0), motion events (runs of
 * motion frames, joined across gaps shorter than a second), and frames from each lighting change back to quiet.
 */
public final class ScenarioScore {

    private final String scenario;
    private final Scenario.Kind kind;
    private final String detector;
    private final double fps;

    private int frames;
    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private int motionFrames;
    private int lightingFrames;
    private int boxedFrames;
    private double iouSum;
    private int events;
    private int falseEvents;
    private int lastMotionFrame = Integer.MIN_VALUE / 2;
    private boolean eventHasTruth;
    private int recalibrations;
    private int recalibrationFrames;
    private int maxRecalibrationFrames;
    private int changeFrame = -1;
    private int falseRun;
    private int maxFalseRun;

    public ScenarioScore(String scenario, Scenario.Kind kind, String detector, double fps) {
        this.scenario = scenario;
        this.kind = kind;
        this.detector = detector;
        this.fps = fps;
    }

    public void add(int index, FrameTruth truth, Detection detection) {
        frames++;
        boolean said = detection.isMotion();
        if (said) {
            motionFrames++;
        }
        if (detection.state() == DetectionState.LIGHTING) {
            lightingFrames++;
        }
        if (truth.motion() && said) {
            truePositives++;
        } else if (!truth.motion() && said) {
            falsePositives++;
        } else if (truth.motion()) {
            falseNegatives++;
        }
        truth.box().ifPresent(box -> {
            boxedFrames++;
            iouSum += said ? bestIou(box, detection) : 0;
        });
        falseRun = said && !truth.motion() ? falseRun + 1 : 0;
        maxFalseRun = Math.max(maxFalseRun, falseRun);
        countEvents(index, said, truth.motion());
        timeRecalibration(index, truth, detection);
    }

    private static double bestIou(Box truth, Detection detection) {
        double best = 0;
        for (Box box : detection.boxes()) {
            best = Math.max(best, truth.iou(box));
        }
        return best;
    }

    private void countEvents(int index, boolean said, boolean truth) {
        if (!said) {
            return;
        }
        if (index - lastMotionFrame > fps) {
            closeEvent();
            events++;
            eventHasTruth = false;
        }
        eventHasTruth |= truth;
        lastMotionFrame = index;
    }

    private void closeEvent() {
        if (events > 0 && !eventHasTruth) {
            falseEvents++;
        }
    }

    private void timeRecalibration(int index, FrameTruth truth, Detection detection) {
        if (truth.lightingChange()) {
            if (changeFrame >= 0) {
                finishRecalibration(index - changeFrame); // the next change came first
            }
            changeFrame = index;
        }
        if (changeFrame >= 0 && detection.state() == DetectionState.QUIET) {
            finishRecalibration(index - changeFrame);
        }
    }

    private void finishRecalibration(int frameCount) {
        recalibrations++;
        recalibrationFrames += frameCount;
        maxRecalibrationFrames = Math.max(maxRecalibrationFrames, frameCount);
        changeFrame = -1;
    }

    /** Call once after the last frame. */
    public ScenarioScore finish() {
        closeEvent();
        eventHasTruth = true; // closed: finish() twice does not count twice
        if (changeFrame >= 0) {
            finishRecalibration(frames - changeFrame);
        }
        return this;
    }

    public String scenario() {
        return scenario;
    }

    public Scenario.Kind kind() {
        return kind;
    }

    public String detector() {
        return detector;
    }

    public int frames() {
        return frames;
    }

    public int truePositives() {
        return truePositives;
    }

    public int falsePositives() {
        return falsePositives;
    }

    public int falseNegatives() {
        return falseNegatives;
    }

    public double precision() {
        return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
        return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
    }

    public int boxedFrames() {
        return boxedFrames;
    }

    public double iouSum() {
        return iouSum;
    }

    public double meanIou() {
        return boxedFrames == 0 ? Double.NaN : iouSum / boxedFrames;
    }

    public int motionFrames() {
        return motionFrames;
    }

    public int lightingFrames() {
        return lightingFrames;
    }

    public int events() {
        return events;
    }

    /** Events with no true motion in them. */
    public int falseEvents() {
        return kind == Scenario.Kind.LABELLED ? falseEvents : kind == Scenario.Kind.REAL_MOTION ? 0 : events;
    }

    public double fps() {
        return fps;
    }

    public double hours() {
        return frames / fps / 3600;
    }

    public double falseEventsPerHour() {
        return falseEvents() / hours();
    }

    public int recalibrations() {
        return recalibrations;
    }

    public double meanRecalibrationFrames() {
        return recalibrations == 0 ? Double.NaN : (double) recalibrationFrames / recalibrations;
    }

    /** The longest run of frames called motion with nothing moving: a ghost's or a nuisance's life. */
    public int maxFalseRun() {
        return maxFalseRun;
    }

    public int maxRecalibrationFrames() {
        return maxRecalibrationFrames;
    }
}
