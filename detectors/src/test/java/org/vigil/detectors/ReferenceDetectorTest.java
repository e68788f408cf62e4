package org.vigil.detectors;

import org.vigil.options.OptionValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.vigil.opencv.OpenCvNatives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

class ReferenceDetectorTest {

    private static final int W = 640;
    private static final int H = 480;
    private static final int CALIBRATION = 15; // frames: 1.5 s at 10 fps, past the 1 s default

    @BeforeAll
    static void natives() {
        OpenCvNatives.load();
    }


    @Test
    void calibratesThenStaysQuietOnANoisyStillScene() {
        SyntheticScene scene = new SyntheticScene(W, H, 4, 1);
        try (MotionDetector detector = DetectorHarness.create("reference", W, H)) {
            List<Detection> detections = DetectorHarness.run(detector, 200, i -> scene.frame());
            assertEquals(DetectionState.CALIBRATING, detections.get(0).state());
            assertTrue(detections.subList(CALIBRATION, 200).stream().allMatch(d -> d.state() == DetectionState.QUIET));
            double noise = detections.get(199).noiseLevel();
            assertTrue(noise > 0.2 && noise < 3, "noise level " + noise);
        }
    }

    @Test
    void findsAMovingObjectWithItsBoxInFullFrameCoordinates() {
        SyntheticScene scene = new SyntheticScene(W, H, 3, 2);
        try (MotionDetector detector = DetectorHarness.create("reference", W, H)) {
            DetectorHarness.run(detector, CALIBRATION, i -> scene.frame());
            List<Detection> detections = DetectorHarness.run(detector, CALIBRATION, 40, i -> scene.frame(SyntheticScene.walkerAt(i - CALIBRATION)));
            for (int k = 0; k < detections.size(); k++) {
                Detection d = detections.get(k);
                assertEquals(DetectionState.MOTION, d.state(), "frame " + k);
                assertEquals(1, d.boxes().size(), "frame " + k + ": " + d.boxes());
                assertTrue(d.boxes().get(0).iou(SyntheticScene.walkerAt(k)) > 0.75, "frame " + k + ": " + d.boxes().get(0) + " vs " + SyntheticScene.walkerAt(k));
                Centroid c = d.centroid().orElseThrow();
                Box truth = SyntheticScene.walkerAt(k);
                assertEquals(truth.x() + truth.width() / 2.0, c.x(), 6);
                assertEquals(truth.y() + truth.height() / 2.0, c.y(), 6);
                assertEquals(40.0 * 100 / (W * H), d.changedFraction(), 0.004);
            }
            // once it has gone, the scene is quiet again at once
            List<Detection> after = DetectorHarness.run(detector, 60, 10, i -> scene.frame());
            assertTrue(after.stream().allMatch(d -> d.state() == DetectionState.QUIET), after.toString());
        }
    }

    @Test
    void aShrunkInputStillReportsFullFrameBoxes() {
        SyntheticScene scene = new SyntheticScene(W, H, 3, 3);
        Mat half = new Mat();
        try (MotionDetector detector = DetectorHarness.create("reference", W, H)) {
            List<Detection> detections = DetectorHarness.run(detector, 30, i -> {
                Mat full = scene.frame(i >= CALIBRATION ? SyntheticScene.walkerAt(i - CALIBRATION) : null);
                Imgproc.resize(full, half, new Size(W / 2, H / 2), 0, 0, Imgproc.INTER_AREA);
                full.release();
                return half.clone();
            });
            Detection last = detections.get(29);
            assertEquals(DetectionState.MOTION, last.state());
            assertTrue(last.boxes().get(0).iou(SyntheticScene.walkerAt(29 - CALIBRATION)) > 0.7, last.boxes().toString());
        } finally {
            half.release();
        }
    }

    @Test
    void brightnessStepsAreLightingNeverMotionAndRecalibrateInAFrame() {
        SyntheticScene scene = new SyntheticScene(W, H, 3, 4);
        try (MotionDetector detector = DetectorHarness.create("reference", W, H)) {
            DetectorHarness.run(detector, CALIBRATION, i -> scene.frame());
            int next = CALIBRATION;
            for (double gain : new double[] {1.4, 1.0, 0.6, 1.0}) {
                scene.gain = gain;
                List<Detection> detections = DetectorHarness.run(detector, next, 10, i -> scene.frame());
                next += 10;
                assertEquals(DetectionState.LIGHTING, detections.get(0).state(), "gain " + gain);
                assertTrue(detections.subList(1, 10).stream().allMatch(d -> d.state() == DetectionState.QUIET), "gain " + gain + ": " + detections);
            }
        }
    }

    @Test
    void smallGainWobbleIsCancelledWhileAnObjectMoves() {
        SyntheticScene scene = new SyntheticScene(W, H, 3, 5);
        try (MotionDetector detector = DetectorHarness.create("reference", W, H)) {
            DetectorHarness.run(detector, CALIBRATION, i -> scene.frame());
            List<Detection> detections = DetectorHarness.run(detector, CALIBRATION, 40, i -> {
                scene.gain = 1 + 0.06 * Math.sin(i);
                return scene.frame(SyntheticScene.walkerAt(i - CALIBRATION));
            });
            assertEquals(40, DetectorHarness.count(detections, DetectionState.MOTION));
            assertTrue(detections.stream().allMatch(d -> d.boxes().size() == 1), detections.toString());
        }
    }

    @Test
    void aStillNewObjectIsAbsorbedAfterTheAbsorbTime() {
        SyntheticScene scene = new SyntheticScene(W, H, 3, 6);
        DetectorProvider provider = DetectorCatalog.load().provider("reference");
        OptionValues options = provider.options().parse(Map.of("absorb-time", "3"));
        Box parked = new Box(300, 300, 80, 60);
        try (MotionDetector detector = provider.create(DetectorSetup.of(W, H, options))) {
            DetectorHarness.run(detector, CALIBRATION, i -> scene.frame());
            List<Detection> detections = DetectorHarness.run(detector, CALIBRATION, 60, i -> scene.frame(parked));
            // it appeared whole in the middle of the picture: motion from its second frame, once it carried on
            assertFalse(detections.get(0).isMotion(), detections.get(0).toString());
            assertTrue(detections.subList(1, 25).stream().allMatch(Detection::isMotion), "motion until absorbed");
            assertTrue(detections.subList(35, 60).stream().allMatch(d -> d.state() == DetectionState.QUIET), "quiet once absorbed");
        }
    }

    @Test
    void maskedAndPrivateAreasAreIgnored() {
        SyntheticScene scene = new SyntheticScene(W, H, 3, 7);
        // the walker's strip (y 200..300) is black in the detection mask
        byte[] mask = new byte[64 * 48];
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                mask[y * 64 + x] = (byte) (y >= 18 && y < 32 ? 0 : 255);
            }
        }
        AreaMask strip = AreaMask.of("strip", 64, 48, mask);
        DetectorProvider provider = DetectorCatalog.load().provider("reference");
        for (DetectorSetup setup : List.of(
                DetectorSetup.of(W, H, provider.options().defaults()).withDetectionMask(strip),
                DetectorSetup.of(W, H, provider.options().defaults()).withPrivacyMask(strip))) {
            try (MotionDetector detector = provider.create(setup)) {
                DetectorHarness.run(detector, CALIBRATION, i -> scene.frame());
                List<Detection> detections = DetectorHarness.run(detector, CALIBRATION, 20, i -> scene.frame(SyntheticScene.walkerAt(i - CALIBRATION)));
                assertEquals(0, DetectorHarness.count(detections, DetectionState.MOTION), detections.toString());
            }
        }
        try (MotionDetector unmasked = DetectorHarness.create("reference", W, H)) {
            DetectorHarness.run(unmasked, CALIBRATION, i -> scene.frame());
            assertEquals(20, DetectorHarness.count(
                    DetectorHarness.run(unmasked, CALIBRATION, 20, i -> scene.frame(SyntheticScene.walkerAt(i - CALIBRATION))), DetectionState.MOTION));
        }
    }

    @Test
    void zonesFireByNameWithTheirOwnThreshold() {
        SyntheticScene scene = new SyntheticScene(W, H, 3, 8);
        DetectorProvider provider = DetectorCatalog.load().provider("reference");
        Zone door = new Zone("door", List.of(new Vertex(100, 150), new Vertex(250, 150), new Vertex(250, 350), new Vertex(100, 350)), 0.05);
        Zone gate = new Zone("gate", List.of(new Vertex(500, 0), new Vertex(640, 0), new Vertex(640, 100)), 0.01);
        // a global threshold no walker reaches: only the zone can make a motion frame
        OptionValues options = provider.options().parse(Map.of("threshold", "0.5"));
        try (MotionDetector detector = provider.create(DetectorSetup.of(W, H, options).withZones(List.of(door, gate)))) {
            DetectorHarness.run(detector, CALIBRATION, i -> scene.frame());
            Detection inDoor = detector.detect(scene.frame(new Box(120, 200, 40, 100)), Math.round(CALIBRATION * 1e8));
            assertEquals(DetectionState.MOTION, inDoor.state());
            assertEquals(List.of("door"), inDoor.zonesFired());
            Detection elsewhere = detector.detect(scene.frame(new Box(400, 300, 40, 100)), Math.round((CALIBRATION + 1) * 1e8));
            assertEquals(DetectionState.QUIET, elsewhere.state());
            assertEquals(List.of(), elsewhere.zonesFired());
        }
    }

    @Test
    void thresholdsInPixelsAndAMaximum() {
        SyntheticScene scene = new SyntheticScene(W, H, 3, 9);
        DetectorProvider provider = DetectorCatalog.load().provider("reference");
        Box walker = new Box(0, 200, 40, 100); // 4000 full-frame pixels, stepping in at the left edge
        for (String[] option : new String[][] {{"threshold-pixels", "6000", "QUIET"}, {"threshold-pixels", "3000", "MOTION"},
                {"threshold-maximum", "0.005", "QUIET"}, {"threshold-maximum", "0.02", "MOTION"}}) {
            try (MotionDetector detector = provider.create(DetectorSetup.of(W, H, provider.options().parse(Map.of(option[0], option[1]))))) {
                DetectorHarness.run(detector, CALIBRATION, i -> scene.frame());
                Detection d = detector.detect(scene.frame(walker), Math.round(CALIBRATION * 1e8));
                assertEquals(DetectionState.valueOf(option[2]), d.state(), option[0] + "=" + option[1] + ": " + d);
            }
        }
    }

    @Test
    void theSameFramesGiveTheSameDetections() {
        List<List<Detection>> runs = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            SyntheticScene scene = new SyntheticScene(W, H, 3, 10);
            try (MotionDetector detector = DetectorHarness.create("reference", W, H)) {
                runs.add(DetectorHarness.run(detector, 60, i -> {
                    scene.gain = i == 40 ? 1.3 : 1;
                    return scene.frame(i > 20 ? SyntheticScene.walkerAt(i - 20) : null);
                }));
            }
        }
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(runs.get(0).stream().anyMatch(Detection::isMotion));
    }

    @Test
    void quietFramesAllocateNoNewDetection() {
        SyntheticScene scene = new SyntheticScene(W, H, 0, 11);
        Mat still = scene.frame();
        try (MotionDetector detector = DetectorHarness.create("reference", W, H)) {
            Detection previous = null;
            for (int i = 0; i < 60; i++) {
                Detection d = detector.detect(still, Math.round(i * 1e8));
                if (i > 50) {
                    assertEquals(DetectionState.QUIET, d.state());
                    assertSame(previous, d);
                }
                previous = d;
            }
        } finally {
            still.release();
        }
    }

    @Test
    void resetCalibratesAgain() {
        SyntheticScene scene = new SyntheticScene(W, H, 3, 12);
        try (MotionDetector detector = DetectorHarness.create("reference", W, H)) {
            DetectorHarness.run(detector, CALIBRATION, i -> scene.frame());
            detector.reset();
            Detection d = detector.detect(scene.frame(SyntheticScene.walkerAt(0)), Math.round(CALIBRATION * 1e8));
            assertEquals(DetectionState.CALIBRATING, d.state());
            assertNotEquals(DetectionState.MOTION, detector.detect(scene.frame(SyntheticScene.walkerAt(1)), Math.round((CALIBRATION + 1) * 1e8)).state());
        }
    }

    @Test
    void badInputIsRefusedClearly() {
        try (MotionDetector detector = DetectorHarness.create("reference", W, H)) {
            Mat colour = new Mat(H, W, CvType.CV_8UC3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> detector.detect(colour, 0));
            assertTrue(e.getMessage().contains("CV_8UC1") && e.getMessage().contains("CV_8UC3"), e.getMessage());
            Mat wide = new Mat(100, 400, CvType.CV_8UC1);
            DetectorSetupException wrongAspect = assertThrows(DetectorSetupException.class, () -> detector.detect(wide, 0));
            assertTrue(wrongAspect.getMessage().contains("400x100"), wrongAspect.getMessage());
            colour.release();
            wide.release();
        }
        MotionDetector closed = DetectorHarness.create("reference", W, H);
        closed.close();
        Mat grey = new Mat(H, W, CvType.CV_8UC1);
        assertThrows(IllegalStateException.class, () -> closed.detect(grey, 0));
        grey.release();
    }
}
