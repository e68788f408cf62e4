package org.vigil.core.pipeline;

import org.opencv.core.Scalar;

/**
 * The colours the annotator draws with, as BT.601 limited-range Y, U, V, so each pipe format is painted directly
 * (FFmpeg's drawbox converts its colour to YUV once, the same way) with no round trip through BGR. The Scalars for
 * each way of drawing are made once.
 */
enum YuvColour {
    /** Boxes around motion, and the mark of the motion state. */
    RED(81, 90, 240),
    /** The mark of the quiet state. */
    GREEN(145, 54, 34),
    /** The mark of the calibrating state. */
    BLUE(41, 240, 110),
    /** The mark of a lighting change. */
    YELLOW(210, 16, 146),
    /** The mark of motion that stays in place (leaves, a flag, insects): no event. */
    CYAN(170, 166, 16),
    /** The mark while events are disarmed (outside the camera's detection windows). */
    GREY(128, 128, 128),
    /** Label backgrounds and the privacy mask's blank. */
    BLACK(16, 128, 128),
    /** Text. */
    WHITE(235, 128, 128);

    final int y;
    final int u;
    final int v;
    /** Y U Y V: a pixel pair of packed 4:2:2. */
    final Scalar quad;
    /** Y and neutral chroma: a packed 4:2:2 pixel of a grey colour, as two bytes. */
    final Scalar pair;
    final Scalar luma;
    final Scalar blue;
    final Scalar red;

    YuvColour(int y, int u, int v) {
        this.y = y;
        this.u = u;
        this.v = v;
        this.quad = new Scalar(y, u, y, v);
        this.pair = new Scalar(y, 128);
        this.luma = new Scalar(y);
        this.blue = new Scalar(u);
        this.red = new Scalar(v);
    }
}
