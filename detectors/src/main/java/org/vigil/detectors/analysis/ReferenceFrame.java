package org.vigil.detectors.analysis;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * The per-pixel picture of the still scene (Motion's reference frame): a running average of the frames where
 * nothing moves, which also takes in a new still object (a parked car) once it has stayed for the absorb time.
 */
final class ReferenceFrame implements AutoCloseable {

    private static final double AGE_STEP_SECONDS = 0.25;

    private final double adaptSeconds;
    private final double absorbSeconds;
    private final Mat image = new Mat();
    private final Mat age; // seconds each pixel has differed from the reference without a break
    private final Mat zeros;
    private final Mat settled = new Mat();
    private final Mat absorbed = new Mat();
    private final Scalar elapsed = new Scalar(0);
    private final Scalar absorbAge;
    private int calibrationFrames;
    private double sinceAgeUpdate;

    ReferenceFrame(AnalysisGeometry geometry, ReferenceTiming timing) {
        this.adaptSeconds = timing.adaptSeconds();
        this.absorbSeconds = timing.absorbSeconds();
        this.age = Mat.zeros(geometry.height(), geometry.width(), CvType.CV_32FC1);
        this.zeros = Mat.zeros(geometry.height(), geometry.width(), CvType.CV_32FC1);
        this.absorbAge = new Scalar(absorbSeconds);
    }

    /** Starts over from this one frame. */
    void start(Mat current8U) {
        current8U.convertTo(image, CvType.CV_32F);
        zeros.copyTo(age);
        calibrationFrames = 1;
        sinceAgeUpdate = 0;
    }

    /** While calibrating: the plain mean of the frames so far, which averages the sensor noise away. */
    void calibrate(Mat inReference32F) {
        calibrationFrames++;
        Imgproc.accumulateWeighted(inReference32F, image, 1.0 / calibrationFrames);
    }

    /** Takes this frame's value where the mask is set: background the reference had not seen. */
    void take(Mat inReference32F, Mat where8U) {
        inReference32F.copyTo(image, where8U);
    }

    /** Takes this frame's value where the reference did not know it (it was clipped); null for nowhere. */
    void reveal(Mat inReference32F, Mat revealed8U) {
        if (revealed8U != null) {
            inReference32F.copyTo(image, revealed8U);
        }
    }

    /**
     * Follows the still background where nothing moves, and takes over pixels that have differed for the absorb time.
     *
     * @param inReference32F this frame in the reference's brightness; overwritten (it is scratch once read)
     * @param moving8U       255 where the frame differs from the reference (moving or new objects)
     * @param seconds        time since the previous frame
     */
    void update(Mat inReference32F, Mat moving8U, double seconds) {
        sinceAgeUpdate += seconds;
        if (sinceAgeUpdate >= AGE_STEP_SECONDS) {
            absorbStillObjects(inReference32F, moving8U, sinceAgeUpdate);
            sinceAgeUpdate = 0;
        }
        // where something moves the running average aims at the reference itself, i.e. stays put: one unmasked
        // average over the whole image is several times cheaper than OpenCV's masked one
        image.copyTo(inReference32F, moving8U);
        Imgproc.accumulateWeighted(inReference32F, image, 1 - Math.exp(-seconds / adaptSeconds));
    }

    /**
     * Motion's static-object rule: a pixel that has differed from the reference without a break for the absorb time
     * is part of the scene now. Ages advance in steps of at least a quarter second: a fifth of the per-frame cost
     * at 20 fps, and precise enough for absorb times of seconds.
     */
    private void absorbStillObjects(Mat inReference32F, Mat moving8U, double seconds) {
        Core.bitwise_not(moving8U, settled);
        elapsed.val[0] = seconds;
        Core.add(age, elapsed, age, moving8U);
        zeros.copyTo(age, settled);
        Core.compare(age, absorbAge, absorbed, Core.CMP_GE);
        if (Core.countNonZero(absorbed) > 0) {
            inReference32F.copyTo(image, absorbed);
            zeros.copyTo(age, absorbed);
        }
    }

    Mat image() {
        return image;
    }

    @Override
    public void close() {
        image.release();
        age.release();
        zeros.release();
        settled.release();
        absorbed.release();
    }
}
