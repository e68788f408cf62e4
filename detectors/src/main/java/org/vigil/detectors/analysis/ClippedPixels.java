package org.vigil.detectors.analysis;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * Where the reference is clipped white, the true brightness is unknown: it may lie anywhere above the sensor's top.
 * Such a pixel can only be seen to change by getting darker than the reference predicts, never by being less
 * bright than "white"; and the first unclipped value the camera shows there is the reference's. Without this, a
 * re-baseline on an overexposed frame (auto-exposure overshooting after an IR switch or a light coming on) turns
 * every clipped area into ten seconds of false motion as the exposure settles.
 */
final class ClippedPixels implements AutoCloseable {

    // a noisy clipped area averages below 255 once shrunk and blurred, and its edges mix clipped pixels with unclipped
    // ones: anywhere in the top tenth of the range the reference may hide clipping
    private static final Scalar CLIPPED = new Scalar(225);

    private final Mat mask = new Mat();
    private final Mat darker = new Mat();
    private final Mat revealed = new Mat();
    private static final double MASK_SECONDS = 0.25;

    private boolean any;
    private boolean anyWhite;
    private double sinceMask;

    /**
     * Makes the difference one-sided where the reference is clipped.
     *
     * @param reference32F the reference frame
     * @param predicted8U  the reference as this frame's camera would show it
     * @param current8U    this frame
     * @param difference8U |current - predicted|, rewritten where the reference is clipped
     * @param whiteFell    the fit predicts the reference's white below white: the exposure went down since
     */
    void oneSided(Mat reference32F, Mat predicted8U, Mat current8U, Mat difference8U, boolean whiteFell, double seconds) {
        sinceMask += seconds;
        if (sinceMask >= MASK_SECONDS || mask.empty()) {
            // the reference changes slowly (and at once on a re-baseline, which calls forget)
            Core.compare(reference32F, CLIPPED, mask, Core.CMP_GE);
            anyWhite = Core.countNonZero(mask) > 0;
            sinceMask = 0;
        }
        any = whiteFell && anyWhite;
        if (any) {
            Core.subtract(predicted8U, current8U, darker); // saturates: brighter than predicted is no change
            darker.copyTo(difference8U, mask);
        }
    }

    /** Clipped reference pixels that this frame shows without change: the reference takes their value now. */
    Mat revealed(Mat still8U) {
        if (!any) {
            return null;
        }
        Core.bitwise_and(mask, still8U, revealed);
        return revealed;
    }

    /** The reference was retaken: its white areas are found again on the next frame. */
    void forget() {
        mask.release();
    }

    @Override
    public void close() {
        mask.release();
        darker.release();
        revealed.release();
    }
}
