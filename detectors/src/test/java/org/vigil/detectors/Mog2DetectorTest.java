package org.vigil.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class Mog2DetectorTest {

    private static final int W = 640;
    private static final int H = 480;
    private static final int CALIBRATION = 30;


    @Test
    void findsAMovingObjectAndIgnoresBrightnessSteps() {
        SyntheticScene scene = new SyntheticScene(W, H, 3, 21);
        try (MotionDetector detector = DetectorHarness.create("mog2", W, H)) {
            List<Detection> still = DetectorHarness.run(detector, CALIBRATION, i -> scene.frame());
            assertEquals(0, DetectorHarness.count(still.subList(15, CALIBRATION), DetectionState.MOTION), still.toString());

            List<Detection> walking = DetectorHarness.run(detector, CALIBRATION, 30, i -> scene.frame(SyntheticScene.walkerAt(i - CALIBRATION)));
            for (int k = 0; k < walking.size(); k++) {
                Detection d = walking.get(k);
                assertEquals(DetectionState.MOTION, d.state(), "frame " + k);
                assertTrue(d.boxes().get(0).iou(SyntheticScene.walkerAt(k)) > 0.6, "frame " + k + ": " + d.boxes());
            }

            scene.gain = 1.4;
            List<Detection> brighter = DetectorHarness.run(detector, 60, 20, i -> scene.frame());
            assertEquals(DetectionState.LIGHTING, brighter.get(0).state());
            assertEquals(0, DetectorHarness.count(brighter, DetectionState.MOTION), brighter.toString());
        }
    }

    @Test
    void theSameFramesGiveTheSameDetections() {
        List<List<Detection>> runs = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            SyntheticScene scene = new SyntheticScene(W, H, 3, 22);
            try (MotionDetector detector = DetectorHarness.create("mog2", W, H)) {
                runs.add(DetectorHarness.run(detector, 50, i -> scene.frame(i > 20 ? SyntheticScene.walkerAt(i - 20) : null)));
            }
        }
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(runs.get(0).stream().anyMatch(Detection::isMotion));
    }
}
