package org.vigil.detectors.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.vigil.detectors.Box;

/**
 * Pedestrians cut from vtest.avi walk, one at a time, across the clean background under sensor noise: each appears
 * inside the frame, walks in a straight line for 3 to 7 seconds and vanishes, with still gaps in between. The true
 * box is where the sprite was pasted. Optionally the camera's auto-gain hunts while they walk.
 */
final class WalkingScenario extends Scenario {

    private record Pass(Sprite sprite, int start, int length, double x0, double y0, double vx, double vy) {
    }

    private final SceneAssets assets;
    private final double flicker;
    private final double contrast;
    private final NoisyCamera camera;
    private final List<Pass> passes = new ArrayList<>();
    private final byte[] scene;

    /**
     * @param contrast how far the walkers stand out: 1 as filmed, 0.5 halves their difference from the background
     *                 (dusk, grey clothes on grey tarmac)
     * @param flicker  amplitude of auto-gain hunting (0.05 = ±5% gain), 0 for none
     */
    WalkingScenario(String name, SceneAssets assets, int frames, double fps, double sigma, double contrast, double flicker, long seed) {
        super(name, Kind.LABELLED, assets.width(), assets.height(), frames, fps);
        this.assets = assets;
        this.flicker = flicker;
        this.contrast = contrast;
        this.camera = new NoisyCamera(assets.width() * assets.height(), sigma, seed);
        this.scene = new byte[assets.width() * assets.height()];
        plan(new SplittableRandom(seed * 31 + 7), frames, fps);
    }

    private void plan(SplittableRandom random, int frames, double fps) {
        int t = (int) (3 * fps); // the detectors calibrate on an empty scene first
        while (t < frames - 2 * fps) {
            Sprite sprite = assets.sprites().get(random.nextInt(assets.sprites().size()));
            int length = Math.min(frames - t - 1, (int) (fps * (3 + 4 * random.nextDouble())));
            double speed = 2 + 5 * random.nextDouble(); // 2..7 px a frame: a walk at 10 fps on this camera
            double vx = random.nextBoolean() ? speed : -speed;
            double vy = (random.nextDouble() - 0.5) * 3;
            int maxX = assets.width() - sprite.width();
            int maxY = assets.height() - sprite.height();
            double travelX = Math.min(Math.abs(vx) * length, maxX);
            double travelY = Math.min(Math.abs(vy) * length, maxY);
            vx = Math.signum(vx) * travelX / length;
            vy = Math.signum(vy) * travelY / length;
            double x0 = (vx >= 0 ? 0 : travelX) + random.nextDouble() * (maxX - travelX);
            double y0 = (vy >= 0 ? 0 : travelY) + random.nextDouble() * (maxY - travelY);
            passes.add(new Pass(sprite, t, length, x0, y0, vx, vy));
            t += length + (int) (fps * (1 + 2 * random.nextDouble()));
        }
    }

    @Override
    public FrameTruth render(int index, byte[] frame) {
        System.arraycopy(assets.backgroundLuma(), 0, scene, 0, scene.length);
        FrameTruth truth = FrameTruth.STILL;
        for (Pass pass : passes) {
            int k = index - pass.start;
            if (k >= 0 && k < pass.length) {
                int x = (int) Math.round(pass.x0 + pass.vx * k);
                int y = (int) Math.round(pass.y0 + pass.vy * k);
                pass.sprite.paste(scene, assets.width(), x, y, contrast);
                truth = FrameTruth.movingIn(new Box(x, y, pass.sprite.width(), pass.sprite.height()));
            }
        }
        double gain = 1;
        if (flicker > 0) {
            // auto-gain hunting: a slow swing plus frame-to-frame jitter
            gain += flicker * (0.7 * Math.sin(2 * Math.PI * index / (1.7 * fps())) + 0.3 * (2 * camera.random().nextDouble() - 1));
        }
        camera.expose(scene, gain, 0, frame);
        return truth;
    }
}
