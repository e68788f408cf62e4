package org.vigil.detectors.analysis;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Shrinks the grey input to the analysis size by repeated 2x2 area averages (which also divide the sensor noise)
 * and blurs it, into images it owns and reuses.
 */
final class ShrinkAndSmooth implements AutoCloseable {

    private final Mat[] halves;
    private final Size[] halfSizes;
    private final Mat smooth = new Mat();
    private final Size kernel;
    private final int blurRadius;

    ShrinkAndSmooth(AnalysisGeometry geometry, int blurRadius) {
        int steps = Integer.numberOfTrailingZeros(geometry.shrinkFactor());
        halves = new Mat[steps];
        halfSizes = new Size[steps];
        int width = geometry.inputWidth();
        int height = geometry.inputHeight();
        for (int i = 0; i < steps; i++) {
            width /= 2;
            height /= 2;
            halves[i] = new Mat();
            halfSizes[i] = new Size(width, height);
        }
        this.kernel = new Size(2 * blurRadius + 1, 2 * blurRadius + 1);
        this.blurRadius = blurRadius;
    }

    /** The analysis image of this input; valid until the next call. */
    Mat apply(Mat input) {
        Mat source = input;
        for (int i = 0; i < halves.length; i++) {
            Imgproc.resize(source, halves[i], halfSizes[i], 0, 0, Imgproc.INTER_AREA);
            source = halves[i];
        }
        if (blurRadius > 0) {
            Imgproc.GaussianBlur(source, smooth, kernel, 0);
        } else {
            source.copyTo(smooth);
        }
        return smooth;
    }

    @Override
    public void close() {
        for (Mat half : halves) {
            half.release();
        }
        smooth.release();
    }
}
