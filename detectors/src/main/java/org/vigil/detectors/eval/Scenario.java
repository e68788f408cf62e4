package org.vigil.detectors.eval;

/** One evaluation sequence: frames rendered on demand, each with its truth. */
public interface Scenario {

    enum Kind {
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

    String name();

    Kind kind();

    int width();

    int height();

    int frames();

    double fps();

    /** Renders frame {@code index} as a grey (Y) image into {@code frame} (width × height bytes). */
    FrameTruth render(int index, byte[] frame);
}
