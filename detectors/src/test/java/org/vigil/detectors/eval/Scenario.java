package org.vigil.detectors.eval;

/** One evaluation sequence: frames rendered on demand, each with its truth. */
public abstract class Scenario {

    public enum Kind {
        /** composited pedestrians with true boxes: precision, recall and IoU */
        LABELLED,
        /** brightness and IR changes of a still scene: any motion event is false */
        LIGHTING,
        /** a still scene with sensor noise only: any motion event is false */
        STATIC,
        /** real footage full of people: motion expected, unlabelled */
        REAL_MOTION,
        /** real footage of foliage in wind: motion a user would rather not hear about */
        NUISANCE
    }

    private final String name;
    private final Kind kind;
    private final int width;
    private final int height;
    private final int frames;
    private final double fps;

    protected Scenario(String name, Kind kind, int width, int height, int frames, double fps) {
        this.name = name;
        this.kind = kind;
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.fps = fps;
    }

    /** Renders frame {@code index} as a grey (Y) image into {@code frame} (width × height bytes). */
    public abstract FrameTruth render(int index, byte[] frame);

    public final String name() {
        return name;
    }

    public final Kind kind() {
        return kind;
    }

    public final int width() {
        return width;
    }

    public final int height() {
        return height;
    }

    public final int frames() {
        return frames;
    }

    public final double fps() {
        return fps;
    }
}
