package org.vigil.detectors.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.vigil.opencv.OpenCvNatives;

class BlinkMapTest {

    private static final AnalysisGeometry GEOMETRY = AnalysisGeometry.of(40, 30, 40, 30, 40);
    private static final double FRAME = 0.1;

    @BeforeAll
    static void natives() {
        OpenCvNatives.load();
    }

    private static Mat mask(Rect... on) {
        Mat mask = Mat.zeros(30, 40, CvType.CV_8UC1);
        for (Rect r : on) {
            mask.submat(r).setTo(new Scalar(255));
        }
        return mask;
    }

    private static void show(BlinkMap map, Mat mask) {
        map.update(mask, org.opencv.core.Core.countNonZero(mask), FRAME);
    }

    @Test
    void pixelsThatSwitchOnAndOffAndOnAgainBlinkAndABodyArrivingDoesNot() {
        BlinkMap map = new BlinkMap(GEOMETRY);
        Rect leaves = new Rect(0, 0, 10, 10);
        Rect body = new Rect(20, 10, 10, 10);
        show(map, mask(leaves));
        show(map, mask());
        show(map, mask(leaves, body));
        assertEquals(1.0, map.blinkingShare(0, 0, 10, 10), 1e-9, "on, off, on");
        assertEquals(0.0, map.blinkingShare(20, 10, 10, 10), 1e-9, "switched on once");
        show(map, mask(leaves, body));
        show(map, mask(leaves, body));
        assertEquals(0.0, map.blinkingShare(20, 10, 10, 10), 1e-9, "a body that stays does not blink");
    }

    @Test
    void blinkingFadesOverQuietFramesThatCostNothing() {
        BlinkMap map = new BlinkMap(GEOMETRY);
        Rect leaves = new Rect(0, 0, 10, 10);
        show(map, mask(leaves));
        show(map, mask());
        show(map, mask(leaves));
        show(map, mask());
        // ten seconds without change: the switches decay while no frame is counted
        for (int i = 0; i < 100; i++) {
            show(map, mask());
        }
        show(map, mask(leaves));
        assertEquals(0.0, map.blinkingShare(0, 0, 10, 10), 1e-9, "one switch after a long calm is not blinking");
    }

    @Test
    void aRetakenPictureIsAnEmptyMaskSoWhatChangesAfterItSwitchesOnAgain() {
        BlinkMap map = new BlinkMap(GEOMETRY);
        Rect leaves = new Rect(0, 0, 10, 10);
        show(map, mask(leaves));
        show(map, mask(leaves));
        assertEquals(0.0, map.blinkingShare(0, 0, 10, 10), 1e-9, "changed without a break: one switch");
        // leaves so restless that they keep passing for lighting: each re-baseline empties the mask
        map.retaken();
        show(map, mask(leaves));
        map.retaken();
        show(map, mask(leaves));
        assertEquals(1.0, map.blinkingShare(0, 0, 10, 10), 1e-9, "switched on anew after each re-baseline");
    }
}
