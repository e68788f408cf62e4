package org.vigil.detectors.mog2;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.opencv.video.BackgroundSubtractorMOG2;
import org.opencv.video.Video;
import org.vigil.detectors.analysis.ForegroundRule;

/**
 * OpenCV's Gaussian-mixture background subtractor as the foreground rule. It sees frames already mapped into the
 * reference brightness, so auto-gain and brightness steps do not reach its model; shadows it marks are dropped.
 */
final class Mog2Rule implements ForegroundRule {

    private static final double SHADOW_VALUE_CUT = 200; // MOG2 writes 255 for foreground and 127 for shadows

    private final BackgroundSubtractorMOG2 model;
    private final Mat mixtureOutput = new Mat();

    Mog2Rule(int history, double varThreshold, boolean detectShadows) {
        model = Video.createBackgroundSubtractorMOG2(history, varThreshold, detectShadows);
    }

    @Override
    public void rebaseline(Mat inReference32F) {
        model.apply(inReference32F, mixtureOutput, 1.0); // a learning rate of 1 re-initialises the model from this frame
    }

    @Override
    public void classify(Mat inReference32F, Mat difference8U, double noiseLevel, Mat foreground8U) {
        model.apply(inReference32F, mixtureOutput, -1);
        Imgproc.threshold(mixtureOutput, foreground8U, SHADOW_VALUE_CUT, 255, Imgproc.THRESH_BINARY);
    }

    @Override
    public boolean hasOwnModel() {
        return true;
    }

    @Override
    public void close() {
        mixtureOutput.release();
    }
}
