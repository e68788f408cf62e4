package org.vigil.detectors.eval;

import java.util.ArrayList;
import java.util.List;

import org.vigil.detectors.eval.LightingScenario.Exposure;
import org.vigil.detectors.eval.Scenario.Kind;

/** The project's evaluation set, built from opencv-doc's vtest.avi and tree.avi. Same footage, same frames. */
public final class EvaluationSet {

    private static final double FPS = 10; // vtest.avi's rate

    private EvaluationSet() {
    }

    /**
     * @param staticMinutes length of the still, noisy scene (the floors ask for 10 minutes)
     */
    public static List<Scenario> standard(Footage footage, SceneAssets assets, double staticMinutes) {
        List<Scenario> set = new ArrayList<>();
        set.add(new WalkingScenario("walk-noise2", assets, 600, FPS, 2, 1, 0, 11));
        set.add(new WalkingScenario("walk-noise3", assets, 600, FPS, 3, 1, 0, 12));
        set.add(new WalkingScenario("walk-noise4", assets, 600, FPS, 4, 1, 0, 13));
        set.add(new WalkingScenario("walk-autogain", assets, 600, FPS, 3, 1, 0.05, 14));
        set.add(new WalkingScenario("walk-faint", assets, 600, FPS, 3, 0.5, 0, 15));

        set.add(new LightingScenario("brightness-steps", Kind.LIGHTING, assets, 400, FPS, 3, 21, (frame, random) -> {
            // ±40% instant steps, each held for 8 s: on, off, dim, back, and again
            double[] gains = {1, 1.4, 1, 0.6, 1, 1.4, 0.6, 1};
            int step = frame / 50;
            return new Exposure(0, gains[step], 0, frame > 0 && frame % 50 == 0 && gains[step] != gains[step - 1]);
        }));
        set.add(new LightingScenario("slow-ramp", Kind.LIGHTING, assets, 600, FPS, 3, 22, (frame, random) -> {
            // dusk and dawn: brightness down to 45% over 30 s and back (a cloud bank, a sunset sped up)
            double t = frame < 300 ? frame / 300.0 : (600 - frame) / 300.0;
            return new Exposure(0, 1 - 0.55 * t, 0, false);
        }));
        set.add(new LightingScenario("ir-switch", Kind.LIGHTING, assets, 400, FPS, 3, 23, (frame, random) -> {
            // day -> night -> day: the IR-cut filter moves over one frame and the IR illuminator lifts contrast
            double infrared = frame < 100 ? 0 : frame == 100 ? 0.5 : frame < 300 ? 1 : frame == 300 ? 0.5 : 0;
            return new Exposure(infrared, 1, 0, frame == 100 || frame == 300);
        }));
        set.add(new LightingScenario("auto-gain-flicker", Kind.LIGHTING, assets, 400, FPS, 3, 24, (frame, random) -> {
            // an auto-gain loop hunting: ±10% swing, jitter, and a sudden 15% correction now and then
            double gain = 1 + 0.07 * Math.sin(2 * Math.PI * frame / 13.0) + 0.03 * (2 * random.nextDouble() - 1);
            boolean correction = (frame / 40) % 2 == 1;
            return new Exposure(0, correction ? gain * 0.85 : gain, 0, frame % 40 == 0 && frame > 0);
        }));
        int staticFrames = (int) Math.round(staticMinutes * 60 * FPS);
        set.add(new LightingScenario("static-noise4", Kind.STATIC, assets, staticFrames, FPS, 4, 31,
                (frame, random) -> new Exposure(0, 1, 0, false)));

        Footage.Clip vtest = footage.clip("vtest");
        set.add(new FootageScenario("vtest-people", Kind.REAL_MOTION, vtest, vtest.frames()));
        Footage.Clip tree = footage.clip("tree");
        set.add(new FootageScenario("tree-wind", Kind.NUISANCE, tree, 10 * tree.frames()));
        set.addAll(RealCameraFamilies.all(footage, assets, staticMinutes));
        return set;
    }
}
