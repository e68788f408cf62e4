package org.vigil.detectors.eval;

/**
 * A real clip played as a camera would deliver it. Short clips play forwards and backwards in turn (no cut at the
 * seam) until the requested length.
 */
final class FootageScenario implements Scenario {

    private final String name;
    private final Kind kind;
    private final Footage.Clip clip;
    private final int frames;

    FootageScenario(String name, Kind kind, Footage.Clip clip, int frames) {
        this.name = name;
        this.kind = kind;
        this.clip = clip;
        this.frames = frames;
    }

    @Override
    public FrameTruth render(int index, byte[] frame) {
        int period = 2 * clip.frames() - 2;
        int k = period > 0 ? index % period : 0;
        clip.read(k < clip.frames() ? k : period - k, frame);
        return kind == Kind.REAL_MOTION ? FrameTruth.UNBOXED_MOTION : FrameTruth.STILL;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public int width() {
        return clip.width();
    }

    @Override
    public int height() {
        return clip.height();
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public double fps() {
        return clip.fps();
    }
}
