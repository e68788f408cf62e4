package org.vigil.detectors.analysis;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Shrinks the grey input to the analysis size (area average) and blurs it, into images it owns and reuses. */
final class ShrinkAndSmooth implements AutoCloseable {

    private final Mat shrunk = new Mat();
    private final Mat smooth = new Mat();
    private final Size analysisSize;
    private final Size kernel;
    private final int shrinkFactor;
    private final int blurRadius;

    ShrinkAndSmooth(AnalysisGeometry geometry, int blurRadius) {
        this.analysisSize = new Size(geometry.width(), geometry.height());
        this.kernel = new Size(2 * blurRadius + 1, 2 * blurRadius + 1);
        this.shrinkFactor = geometry.shrinkFactor();
        this.blurRadius = blurRadius;
    }

    /** The analysis image of this input; valid until the next call. */
    Mat apply(Mat input) {
        Mat source = input;
        if (shrinkFactor > 1) {
            // INTER_AREA averages whole blocks: it also divides the sensor noise by the factor
            Imgproc.resize(input, shrunk, analysisSize, 0, 0, Imgproc.INTER_AREA);
            source = shrunk;
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
        shrunk.release();
        smooth.release();
    }
}
