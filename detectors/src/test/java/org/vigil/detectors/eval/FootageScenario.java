package org.vigil.detectors.eval;

/**
 * A real clip played as a camera would deliver it. Short clips play forwards and backwards in turn (no cut at the
 * seam) until the requested length.
 */
final class FootageScenario extends Scenario {

    private final Footage.Clip clip;

    FootageScenario(String name, Kind kind, Footage.Clip clip, int frames) {
        super(name, kind, clip.width(), clip.height(), frames, clip.fps());
        this.clip = clip;
    }

    @Override
    public FrameTruth render(int index, byte[] frame) {
        int period = 2 * clip.frames() - 2;
        int k = period > 0 ? index % period : 0;
        clip.read(k < clip.frames() ? k : period - k, frame);
        return kind() == Kind.REAL_MOTION ? FrameTruth.UNBOXED_MOTION : FrameTruth.STILL;
    }
}
