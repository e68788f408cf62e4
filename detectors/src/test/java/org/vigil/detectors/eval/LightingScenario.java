package org.vigil.detectors.eval;

/**
 * The still background under changing light: each frame's exposure comes from a script (how far the camera is in
 * IR mode, its gain and offset), then sensor noise. Nothing moves, so every motion report is false.
 */
final class LightingScenario extends Scenario {

    /**
     * @param infrared 0 for the colour camera's luma, 1 for IR mode, between for the frame the filter moves
     * @param change   the light changed at this frame (steps and switches, not ramps)
     */
    record Exposure(double infrared, double gain, double offset, boolean change) {
    }

    interface Script {
        Exposure at(int frame, java.util.SplittableRandom random);
    }

    private final SceneAssets assets;
    private final Script script;
    private final NoisyCamera camera;
    private final byte[] blend;

    LightingScenario(String name, Kind kind, SceneAssets assets, int frames, double fps, double sigma, long seed, Script script) {
        super(name, kind, assets.width(), assets.height(), frames, fps);
        this.assets = assets;
        this.script = script;
        this.camera = new NoisyCamera(assets.width() * assets.height(), sigma, seed);
        this.blend = new byte[assets.width() * assets.height()];
    }

    @Override
    public FrameTruth render(int index, byte[] frame) {
        Exposure exposure = script.at(index, camera.random());
        byte[] scene = assets.lumaUnder(exposure.infrared(), blend);
        camera.expose(scene, exposure.gain(), exposure.offset(), frame);
        return exposure.change() ? FrameTruth.LIGHTING_CHANGE : FrameTruth.STILL;
    }
}
