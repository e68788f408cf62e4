package org.vigil.detectors.eval;

import java.util.ArrayList;
import java.util.List;

import org.vigil.detectors.eval.ComposedScenario.Pass;
import org.vigil.detectors.eval.LightingScenario.Exposure;
import org.vigil.detectors.eval.Scenario.Kind;

/**
 * The scenes every outdoor or USB camera meets and the first evaluation set lacked, each as a family of variants:
 * exposure settling after a switch (clipping or not), objects close to the camera, ghosts left by a re-baseline
 * with people in view, MJPEG compression, camera shake, motion that stays in place, and people far away.
 */
final class RealCameraFamilies {

    private static final double FPS = 10;

    private RealCameraFamilies() {
    }

    static List<Scenario> all(Footage footage, SceneAssets assets, double staticMinutes) {
        List<Scenario> set = new ArrayList<>();
        int still = (int) Math.round(Math.min(2, staticMinutes) * 60 * FPS);
        exposure(set, assets);
        nearObjects(set, assets);
        ghosts(set, assets);
        compression(set, assets, still);
        shake(set, assets, still);
        inPlace(set, footage, assets);
        set.add(ComposedScenario.builder("walk-quarter", Kind.LABELLED, assets, 600, FPS, 81).walkers(0.5, 3).build());
        return set;
    }

    /**
     * After an IR switch or a light coming on, auto-exposure overshoots for about a second and settles back by less
     * than a lighting change (here 11%); with the scene's bright parts clipped during the overshoot, or not.
     */
    private static void exposure(List<Scenario> set, SceneAssets assets) {
        set.add(lighting("exposure-ir-clip", assets, 51, 1, 0.4, 1));
        set.add(lighting("exposure-ir-slow", assets, 52, 1, 1.0, 1));
        set.add(lighting("exposure-ir-unclipped", assets, 53, 1, 0.4, 0.7));
        set.add(lighting("exposure-light-on", assets, 54, 0, 0.4, 1.3));
    }

    /**
     * @param infrared 1: the switch is to IR mode (with a half-switched frame), 0: a light comes on (gain step)
     * @param settle   time constant of the overshoot's decay, seconds
     * @param level    the gain the camera settles at (below 1: a darker scene where nothing clips)
     */
    private static Scenario lighting(String name, SceneAssets assets, long seed, double infrared, double settle, double level) {
        return ComposedScenario.builder(name, Kind.LIGHTING, assets, 400, FPS, seed)
                .exposure((frame, random) -> switched(frame, 100, 300, infrared, settle, level))
                .build();
    }

    /** Off until {@code on}, on until {@code off}; each switch overshoots by 11% and settles. */
    static Exposure switched(int frame, int on, int off, double infrared, double settle, double level) {
        boolean ir = infrared > 0;
        if (ir && (frame == on || frame == off)) {
            return new Exposure(0.5, 1, 0, true); // the IR-cut filter halfway
        }
        boolean lit = frame >= on && frame < off;
        int since = lit ? frame - on : frame >= off ? frame - off : -1; // frames since the last switch
        if (ir && since > 0) {
            since--;
        }
        double overshoot = since < 0 ? 0 : 0.11 * Math.exp(-since / FPS / settle);
        return new Exposure(lit ? infrared : 0, (lit ? level : 1) * (1 + overshoot), 0, frame == on || frame == off);
    }

    /**
     * A person close to the camera, the event that matters most: walking up to it (growing to the given share of
     * the frame's width, cut off at the top and bottom) and crossing in front of it, entering and leaving at the sides.
     */
    private static void nearObjects(List<Scenario> set, SceneAssets assets) {
        for (int share : new int[] {30, 45, 60}) {
            ComposedScenario.Builder b = ComposedScenario.builder("near-object-" + share, Kind.LABELLED, assets, 600, FPS, 60 + share);
            int w = assets.width();
            int h = assets.height();
            int t = 30;
            int i = 0;
            while (t < 560) {
                Sprite sprite = assets.sprites().get((share + i * 5) % assets.sprites().size());
                double scale = share / 100.0 * w / sprite.width();
                double cy = h / 2.0 + sprite.height() * scale * 0.2; // the head and shoulders fill the view
                if (i % 2 == 0) {
                    double cx = w * (0.3 + 0.4 * ((i * 37) % 10) / 10.0);
                    b.pass(new Pass(sprite, t, 50, cx - 30, h * 0.6, cx, cy, 0.35 * scale, scale));
                    t += 50;
                } else {
                    double half = sprite.width() * scale / 2;
                    boolean leftToRight = (i / 2) % 2 == 0;
                    double from = leftToRight ? -half + 4 : w + half - 4;
                    double to = leftToRight ? w + half - 4 : -half + 4;
                    b.pass(new Pass(sprite, t, 60, from, cy, to, cy, scale, scale));
                    t += 60;
                }
                t += 30;
                i++;
            }
            set.add(b.build());
        }
    }

    /**
     * A re-baseline while people are in view: a walker comes in, stands (fidgeting) while the light changes, and
     * walks off, leaving the place where the re-baseline saw them; twice per scene, switching on and off.
     */
    private static void ghosts(List<Scenario> set, SceneAssets assets) {
        set.add(ghost("ghost-ir-switch", assets, 71, 1, 1));
        set.add(ghost("ghost-light-step", assets, 72, 0, 1.4));
    }

    private static Scenario ghost(String name, SceneAssets assets, long seed, double infrared, double level) {
        int[] switches = {95, 255};
        ComposedScenario.Builder b = ComposedScenario.builder(name, Kind.LABELLED, assets, 400, FPS, seed)
                .exposure((frame, random) -> switched(frame, switches[0], switches[1], infrared, 0.4, level));
        int w = assets.width();
        int h = assets.height();
        for (int k = 0; k < switches.length; k++) {
            Sprite sprite = assets.sprites().get((k * 5 + (int) seed) % assets.sprites().size());
            double standX = w * (k == 0 ? 0.35 : 0.6);
            double standY = h * (k == 0 ? 0.55 : 0.45);
            int arrive = switches[k] - 35;
            int leave = switches[k] + 15;
            double fromX = standX + (k == 0 ? -200 : 200);
            b.pass(new Pass(sprite, arrive, 20, fromX, standY, standX, standY, 1, 1));
            for (int f = arrive + 20; f < leave; f++) {
                // standing, but not like a statue: a pixel or two of sway every frame
                double sway = 1.5 * Math.sin(f * 1.7);
                b.pass(new Pass(sprite, f, 1, standX + sway, standY, standX + sway, standY, 1, 1));
            }
            b.pass(new Pass(sprite, leave, 30, standX, standY, standX + (k == 0 ? 220 : -220), standY + 20, 1, 1));
        }
        // and walkers in between, so the ghosts' places must clear while there is other motion to see
        b.pass(new Pass(assets.sprites().get(3 % assets.sprites().size()), 320, 50, 80, h * 0.3, 500, h * 0.35, 1, 1));
        return b.build();
    }

    /** A still scene from a USB webcam sending MJPEG, decoded: blocks flip between frames; and walkers in it. */
    private static void compression(List<Scenario> set, SceneAssets assets, int frames) {
        for (int quality : new int[] {25, 50, 75}) {
            set.add(ComposedScenario.builder("mjpeg-q" + quality, Kind.STATIC, assets, frames, FPS, 90 + quality)
                    .noise(2).jpeg(quality).build());
        }
        // a dim scene: more sensor noise before the encoder, so more blocks flip between frames
        for (int noise : new int[] {4, 6}) {
            set.add(ComposedScenario.builder("mjpeg-q25-noise" + noise, Kind.STATIC, assets, frames, FPS, 96 + noise)
                    .noise(noise).jpeg(25).build());
        }
        set.add(ComposedScenario.builder("walk-mjpeg-q50", Kind.LABELLED, assets, 600, FPS, 95).noise(2).jpeg(50).walkers(1, 3).build());
    }

    /**
     * A pole-mounted camera in wind: the picture sways and trembles by up to 1, 2 and 4 full-frame pixels (0.5 to 2
     * at the analysis scale); and walkers seen through the shaking camera.
     */
    private static void shake(List<Scenario> set, SceneAssets assets, int frames) {
        for (int amplitude : new int[] {1, 2, 4}) {
            set.add(ComposedScenario.builder("shake-" + amplitude + "px", Kind.STATIC, assets, frames, FPS, 100 + amplitude)
                    .shake(InPlaceMotion.wind(amplitude, 100 + amplitude)).build());
        }
        set.add(ComposedScenario.builder("walk-shake-2px", Kind.LABELLED, assets, 600, FPS, 105)
                .shake(InPlaceMotion.wind(2, 105)).walkers(1, 3).build());
        // the wind rising 20 s after the detector calibrated on a steady picture
        ComposedScenario.Shake wind = InPlaceMotion.wind(2, 106);
        double[] steady = {0, 0};
        set.add(ComposedScenario.builder("shake-gust-2px", Kind.STATIC, assets, frames, FPS, 106)
                .shake(frame -> frame < 200 ? steady : wind.at(frame - 200)).build());
    }

    /** Motion that stays in place: a bush, a flag, moths round an IR lamp; and walkers past the bush and the flag. */
    private static void inPlace(List<Scenario> set, Footage footage, SceneAssets assets) {
        Footage.Clip tree = footage.clip("tree");
        int w = assets.width();
        set.add(ComposedScenario.builder("foliage-corner", Kind.NUISANCE, assets, 600, FPS, 111)
                .layer(InPlaceMotion.foliage(tree, w - 260, 0, 256, 192)).build());
        set.add(ComposedScenario.builder("flag", Kind.NUISANCE, assets, 600, FPS, 112)
                .layer(InPlaceMotion.flag(60, 40, 120, 70)).build());
        set.add(ComposedScenario.builder("insects-ir", Kind.NUISANCE, assets, 600, FPS, 113)
                .exposure((frame, random) -> new Exposure(1, 0.8, 0, false))
                .layer(InPlaceMotion.insects(w / 2 + 40, 330, 60, 6, 12, 113)).build());
        // the same, starting 20 s after the detector calibrated on a still view: nothing marked these places yet
        int gust = 200;
        set.add(ComposedScenario.builder("foliage-gust", Kind.NUISANCE, assets, 600, FPS, 115)
                .layer(InPlaceMotion.startingAt(gust, true, InPlaceMotion.foliage(tree, w - 260, 0, 256, 192))).build());
        set.add(ComposedScenario.builder("flag-gust", Kind.NUISANCE, assets, 600, FPS, 116)
                .layer(InPlaceMotion.startingAt(gust, true, InPlaceMotion.flag(60, 40, 120, 70))).build());
        set.add(ComposedScenario.builder("insects-arrive", Kind.NUISANCE, assets, 600, FPS, 117)
                .exposure((frame, random) -> new Exposure(1, 0.8, 0, false))
                .layer(InPlaceMotion.startingAt(gust, false, InPlaceMotion.insects(w / 2 + 40, 330, 60, 6, 12, 117))).build());
        set.add(ComposedScenario.builder("walk-foliage", Kind.LABELLED, assets, 600, FPS, 114)
                .layer(InPlaceMotion.foliage(tree, w - 260, 0, 256, 192))
                .layer(InPlaceMotion.flag(60, 40, 120, 70))
                .walkers(1, 3).build());
    }
}
