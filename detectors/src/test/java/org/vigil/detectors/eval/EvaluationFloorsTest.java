package org.vigil.detectors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.DetectorProvider;

/**
 * The floors the issues set, held on the project's evaluation set (decoded by fetch-footage during the build):
 * for the reference detector recall ≥ 0.97, precision ≥ 0.99 and mean IoU ≥ 0.6 pooled over the labelled
 * scenarios (near objects and far people included); for both detectors no motion event through any lighting,
 * exposure, compression or shake scenario or ten minutes of a still, noisy scene, and ghosts gone within 1.5 s;
 * no event from leaves, a flag or moths that stay in place.
 */
class EvaluationFloorsTest {

    private static List<ScenarioScore> scores;

    @BeforeAll
    static void evaluate() {
        Footage footage = Footage.located();
        SceneAssets assets = SceneAssets.build(footage);
        List<Scenario> scenarios = EvaluationSet.standard(footage, assets, 10);
        List<DetectorProvider> providers = DetectorCatalog.load().providers();
        scores = new Evaluation(providers).run(scenarios, line -> System.out.println("evaluated " + line));
        System.out.print(ResultTable.markdown(scores));
    }

    private static List<ScenarioScore> of(String detector) {
        return scores.stream().filter(s -> s.detector().equals(detector)).toList();
    }

    @Test
    void referenceDetectorFindsTheWalkersAndTheirBoxes() {
        ResultTable.Pooled pooled = ResultTable.Pooled.of(of("reference"));
        assertTrue(pooled.frames() >= 2000, "labelled frames: " + pooled.frames());
        assertTrue(pooled.recall() >= 0.97, "recall " + pooled.recall());
        assertTrue(pooled.precision() >= 0.99, "precision " + pooled.precision());
        assertTrue(pooled.meanIou() >= 0.6, "mean IoU " + pooled.meanIou());
    }

    @Test
    void noMotionEventThroughLightingChangesOrTenMinutesOfStillNoise() {
        for (String detector : List.of("reference", "mog2")) {
            List<ScenarioScore> quiet = of(detector).stream()
                    .filter(s -> s.kind() == Scenario.Kind.LIGHTING || s.kind() == Scenario.Kind.STATIC).toList();
            assertEquals(18, quiet.size(), "lighting, exposure, static, compression and shake scenarios");
            for (ScenarioScore s : quiet) {
                assertEquals(0, s.events(), detector + " on " + s.scenario() + ": " + s.motionFrames() + " motion frames");
            }
            ScenarioScore still = quiet.stream().filter(s -> s.kind() == Scenario.Kind.STATIC).findFirst().orElseThrow();
            assertTrue(still.frames() >= 10 * 60 * 10, "ten minutes at 10 fps");
        }
    }

    @Test
    void lightingStepsAndSwitchesAreReportedAsLightingAndRecalibratedWithinAFewFrames() {
        for (ScenarioScore s : of("reference")) {
            if (s.scenario().equals("brightness-steps") || s.scenario().equals("ir-switch")) {
                assertTrue(s.lightingFrames() >= s.recalibrations(), s.scenario() + ": every change is reported as lighting");
                assertTrue(s.recalibrations() >= 2, s.scenario() + ": " + s.recalibrations());
                assertTrue(s.maxRecalibrationFrames() <= 3, s.scenario() + ": " + s.maxRecalibrationFrames() + " frames to recalibrate");
            }
        }
    }

    @Test
    void peopleCloseToTheCameraAndFarFromItAreFound() {
        for (ScenarioScore s : of("reference")) {
            if (s.scenario().startsWith("near-object-") || s.scenario().equals("walk-quarter")) {
                assertTrue(s.recall() >= 0.97, s.scenario() + ": recall " + s.recall());
                assertTrue(s.precision() >= 0.99, s.scenario() + ": precision " + s.precision());
            }
        }
    }

    @Test
    void ghostsOfARebaselineClearWithinASecondAndAHalf() {
        for (String detector : List.of("reference", "mog2")) {
            List<ScenarioScore> ghosts = of(detector).stream().filter(s -> s.scenario().startsWith("ghost-")).toList();
            assertEquals(2, ghosts.size());
            for (ScenarioScore s : ghosts) {
                assertTrue(s.maxFalseRun() <= 15, detector + " on " + s.scenario() + ": motion for " + s.maxFalseRun()
                        + " frames with nobody there");
            }
        }
    }

    @Test
    void exposureSettlingAfterASwitchIsLightingThenQuiet() {
        for (ScenarioScore s : of("reference")) {
            if (s.scenario().startsWith("exposure-")) {
                assertTrue(s.recalibrations() >= 2, s.scenario() + ": " + s.recalibrations());
                assertTrue(s.maxRecalibrationFrames() <= 3, s.scenario() + ": " + s.maxRecalibrationFrames() + " frames to recalibrate");
            }
        }
    }

    @Test
    void leavesAFlagAndMothsThatStayInPlaceGiveNoEvent() {
        List<String> inPlace = List.of("tree-wind", "foliage-corner", "flag", "insects-ir", "foliage-gust", "flag-gust", "insects-arrive");
        for (ScenarioScore s : of("reference")) {
            if (inPlace.contains(s.scenario())) {
                assertEquals(0, s.events(), "reference on " + s.scenario() + ": " + s.motionFrames() + " motion frames");
            }
        }
        // MOG2 learns a swaying tree its own way; the bush in the corner, the flag and the moths it must not report
        for (ScenarioScore s : of("mog2")) {
            if (List.of("foliage-corner", "flag", "foliage-gust", "flag-gust", "insects-ir", "insects-arrive").contains(s.scenario())) {
                assertEquals(0, s.events(), "mog2 on " + s.scenario() + ": " + s.motionFrames() + " motion frames");
            }
        }
        assertEquals(7, of("reference").stream().filter(s -> s.kind() == Scenario.Kind.NUISANCE).count(), "in-place scenarios");
    }

    @Test
    void realPedestriansAreSeen() {
        ScenarioScore vtest = of("reference").stream().filter(s -> s.kind() == Scenario.Kind.REAL_MOTION).findFirst().orElseThrow();
        assertTrue(vtest.motionFrames() >= 0.9 * vtest.frames(), vtest.motionFrames() + " of " + vtest.frames());
    }
}
