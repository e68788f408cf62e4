package org.vigil.detectors.analysis;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A re-baseline while people are in view takes them into the reference: when they walk on, the places they left
 * differ from it and would show as motion (ghosts) until the absorb time. So at a re-baseline the places where
 * something moved just before are marked doubtful; for the absorb time after it, a doubtful pixel that differs from
 * the reference but holds still from frame to frame for {@value #STILL_SECONDS} s is background the reference
 * never saw, and the reference takes it at once. A person still standing there keeps moving a little, and stays.
 */
final class GhostEraser implements AutoCloseable {

    private static final double STILL_SECONDS = 0.5;

    private final double absorbSeconds;
    private final Mat kernel;
    private final Mat lastMotion = new Mat();
    private final Mat doubtful = new Mat();
    private final Mat previous = new Mat();
    private final Mat steady = new Mat();
    private final Mat candidate = new Mat();
    private final Mat age;
    private final Mat zeros;
    private final Mat absorbed = new Mat();
    private final Scalar elapsed = new Scalar(0);
    private final Scalar stillAge = new Scalar(STILL_SECONDS);
    private boolean motionSeen;
    private double remaining;

    GhostEraser(AnalysisGeometry geometry, double absorbSeconds, double mergeDistance) {
        this.absorbSeconds = absorbSeconds;
        int side = 2 * (int) Math.round(Math.max(0.02, mergeDistance) * geometry.width() / 2) + 1;
        kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(side, side));
        age = Mat.zeros(geometry.height(), geometry.width(), CvType.CV_32FC1);
        zeros = Mat.zeros(geometry.height(), geometry.width(), CvType.CV_32FC1);
    }

    /** Remembers where this frame saw motion (only motion frames call this). */
    void motion(Mat changed8U) {
        changed8U.copyTo(lastMotion);
        motionSeen = true;
    }

    /** A quiet frame: nothing moved just before a re-baseline that may follow. */
    void quiet() {
        motionSeen = false;
    }

    /** The reference was just retaken: where something moved just before is doubtful now. */
    void rebaselined() {
        if (!motionSeen) {
            // a second re-baseline right after the first (an IR switch's half-switched frame, then the full one)
            // keeps the doubtful places; the picture changed, so holding still starts over
            previous.release();
            zeros.copyTo(age);
            return;
        }
        Imgproc.dilate(lastMotion, doubtful, kernel);
        zeros.copyTo(age);
        previous.release();
        remaining = absorbSeconds;
        motionSeen = false;
    }

    /**
     * Absorbs the doubtful pixels that have differed from the reference and held still long enough.
     *
     * @param stillLevel grey levels a pixel may change by between frames and still be holding still
     */
    void step(Mat smooth8U, Mat moving8U, Mat inReference32F, ReferenceFrame reference, double stillLevel, double seconds) {
        if (remaining <= 0) {
            return;
        }
        remaining -= seconds;
        if (!previous.empty()) {
            Core.absdiff(smooth8U, previous, steady);
            Imgproc.threshold(steady, steady, stillLevel, 255, Imgproc.THRESH_BINARY_INV);
            Core.bitwise_and(steady, moving8U, candidate);
            Core.bitwise_and(candidate, doubtful, candidate);
            elapsed.val[0] = seconds;
            Core.add(age, elapsed, age, candidate);
            Core.bitwise_not(candidate, steady);
            zeros.copyTo(age, steady);
            Core.compare(age, stillAge, absorbed, Core.CMP_GE);
            if (Core.countNonZero(absorbed) > 0) {
                reference.take(inReference32F, absorbed);
                zeros.copyTo(age, absorbed);
            }
        }
        smooth8U.copyTo(previous);
    }

    void clear() {
        remaining = 0;
        motionSeen = false;
    }

    @Override
    public void close() {
        for (Mat mat : new Mat[] {kernel, lastMotion, doubtful, previous, steady, candidate, age, zeros, absorbed}) {
            mat.release();
        }
    }
}
