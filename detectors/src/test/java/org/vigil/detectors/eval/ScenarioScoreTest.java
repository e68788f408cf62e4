package org.vigil.detectors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigil.detectors.Box;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;

class ScenarioScoreTest {

    private static Detection motion(Box... boxes) {
        return new Detection(DetectionState.MOTION, 0.01, 100, List.of(boxes), Optional.empty(), 1, List.of());
    }

    private static Detection quiet() {
        return Detection.without(DetectionState.QUIET, 0, 0, 1);
    }

    @Test
    void countsFramesBoxesAndEvents() {
        Box truth = new Box(0, 0, 10, 10);
        ScenarioScore score = new ScenarioScore("s", Scenario.Kind.LABELLED, "d", 2);
        score.add(0, FrameTruth.STILL, quiet());                                      // true negative
        score.add(1, FrameTruth.movingIn(truth), motion(new Box(5, 0, 10, 10), truth)); // hit, best IoU 1
        score.add(2, FrameTruth.movingIn(truth), motion(new Box(5, 0, 10, 10)));        // hit, IoU 1/3
        score.add(3, FrameTruth.movingIn(truth), quiet());                              // miss, IoU 0
        score.add(4, FrameTruth.STILL, quiet());
        score.add(5, FrameTruth.STILL, quiet());
        score.add(6, FrameTruth.STILL, motion(truth));                                  // false alarm, new event
        score.finish();
        assertEquals(2, score.truePositives());
        assertEquals(1, score.falsePositives());
        assertEquals(1, score.falseNegatives());
        assertEquals(2.0 / 3, score.recall(), 1e-12);
        assertEquals(2.0 / 3, score.precision(), 1e-12);
        assertEquals((1 + 1.0 / 3) / 3, score.meanIou(), 1e-12);
        assertEquals(2, score.events());
        assertEquals(1, score.falseEvents());
    }

    @Test
    void timesTheWayBackToQuietAfterALightingChange() {
        ScenarioScore score = new ScenarioScore("s", Scenario.Kind.LIGHTING, "d", 10);
        score.add(0, FrameTruth.STILL, quiet());
        score.add(1, FrameTruth.LIGHTING_CHANGE, Detection.without(DetectionState.LIGHTING, 0, 0, 1));
        score.add(2, FrameTruth.STILL, Detection.without(DetectionState.LIGHTING, 0, 0, 1));
        score.add(3, FrameTruth.STILL, quiet());
        score.add(4, FrameTruth.LIGHTING_CHANGE, quiet());
        score.finish();
        assertEquals(2, score.recalibrations());
        assertEquals(2, score.maxRecalibrationFrames());
        assertEquals(1.0, score.meanRecalibrationFrames(), 1e-12);
        assertEquals(2, score.lightingFrames());
        assertEquals(0, score.events());
    }
}
