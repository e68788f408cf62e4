package org.vigil.detectors.analysis;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Keeps a shaking camera's frames on the reference: each frame's global shift is measured ({@link GlobalShift}) and,
 * when it is a fifth of a pixel or more, the frame is moved back before it is compared. What alignment cannot
 * remove (sub-pixel error, motion blur within a frame) shows at the scene's edges, so for a while after any shake
 * an edge's difference is tolerated in proportion to its steepness: half a pixel's worth of misregistration. A
 * frame that shows no change is never measured (it cannot have shaken visibly); one that does, or any frame while
 * the camera has shaken lately, costs one pass over the analysis image, and an alignment and a second comparison
 * when it moved.
 */
final class Stabiliser implements AutoCloseable {

    private static final double TOLERATED_PIXELS = 0.5;
    private static final double SHAKE_MEMORY_SECONDS = 30;
    private static final double REFRESH_SECONDS = 0.5;

    private final GlobalShift shift;
    private final Mat aligned = new Mat();
    private final Mat gradientX = new Mat();
    private final Mat gradientY = new Mat();
    private final Mat steepness = new Mat();
    private final Mat tolerance = new Mat();
    private double sinceShake = Double.POSITIVE_INFINITY;
    private double sinceRefresh = Double.POSITIVE_INFINITY;
    private boolean shifted;
    private double sinceProfiles;

    Stabiliser(AnalysisGeometry geometry) {
        shift = new GlobalShift(geometry);
    }

    /** A new frame: time passes, and nothing is aligned until {@link #align} says so. */
    void frameStart(double seconds) {
        shifted = false;
        sinceShake += seconds;
        sinceRefresh += seconds;
        sinceProfiles += seconds;
    }

    /** Whether this frame is worth measuring for shake: it shows change, or the camera has shaken lately. */
    boolean worthMeasuring(int changedPixels) {
        return changedPixels > 0 || shakenLately();
    }

    /** Whether the camera has shaken within the last half minute. */
    boolean shakenLately() {
        return sinceShake <= SHAKE_MEMORY_SECONDS;
    }

    /** This frame as it would look from where the reference was taken (the frame itself when it did not move). */
    Mat align(Mat smooth8U, Mat reference8U, Mat moving8U) {
        boolean retake = sinceProfiles >= REFRESH_SECONDS;
        if (retake) {
            sinceProfiles = 0;
        }
        shifted = shift.estimate(smooth8U, reference8U, moving8U, retake);
        if (!shifted) {
            return smooth8U;
        }
        sinceShake = 0;
        shift.align(smooth8U, aligned);
        return aligned;
    }

    /** Lowers the difference at the reference's edges while shake is recent. */
    void tolerate(Mat reference32F, Mat difference8U) {
        if (!shakenLately()) {
            return;
        }
        if (sinceRefresh >= REFRESH_SECONDS || tolerance.empty()) {
            // Sobel's 3x3 kernels weigh 8: divided out, the gradient is in grey levels per pixel
            Imgproc.Sobel(reference32F, gradientX, CvType.CV_32F, 1, 0, 3, 1.0 / 8);
            Imgproc.Sobel(reference32F, gradientY, CvType.CV_32F, 0, 1, 3, 1.0 / 8);
            Core.magnitude(gradientX, gradientY, steepness);
            steepness.convertTo(tolerance, CvType.CV_8U, TOLERATED_PIXELS);
            sinceRefresh = 0;
        }
        Core.subtract(difference8U, tolerance, difference8U);
    }

    /** After an aligned frame, its repeated border says nothing: no change there. */
    void clearEdges(Mat foreground8U) {
        if (shifted) {
            shift.clearEdges(foreground8U);
        }
    }

    /** The frame's shift against the reference, in analysis pixels (0, 0 when it was not aligned). */
    double dx() {
        return shifted ? shift.dx() : 0;
    }

    double dy() {
        return shifted ? shift.dy() : 0;
    }

    void forget() {
        shift.forget();
        sinceShake = Double.POSITIVE_INFINITY;
        sinceRefresh = Double.POSITIVE_INFINITY;
        shifted = false;
    }

    @Override
    public void close() {
        shift.close();
        for (Mat mat : new Mat[] {aligned, gradientX, gradientY, steepness, tolerance}) {
            mat.release();
        }
    }
}
