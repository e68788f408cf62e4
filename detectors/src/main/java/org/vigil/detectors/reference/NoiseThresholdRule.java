package org.vigil.detectors.reference;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.vigil.detectors.analysis.ForegroundRule;

/**
 * Motion's rule, with its threshold tuned to the scene: a pixel is foreground when it differs from the reference
 * frame by more than a multiple of the measured noise level, and never by less than a fixed floor.
 */
final class NoiseThresholdRule implements ForegroundRule {

    private final double noiseMultiplier;
    private final double minDifference;

    NoiseThresholdRule(double noiseMultiplier, double minDifference) {
        this.noiseMultiplier = noiseMultiplier;
        this.minDifference = minDifference;
    }

    @Override
    public void rebaseline(Mat inReference32F) {
        // the reference frame itself is the model: nothing of its own to learn
    }

    @Override
    public void classify(Mat inReference32F, Mat difference8U, double noiseLevel, Mat foreground8U) {
        double level = Math.max(minDifference, noiseMultiplier * noiseLevel);
        Imgproc.threshold(difference8U, foreground8U, level, 255, Imgproc.THRESH_BINARY);
    }

    @Override
    public void close() {
    }
}
