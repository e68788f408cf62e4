package org.vigil.detectors.analysis;

import org.vigil.detectors.DetectorSetupException;

/**
 * Sizes derived once per input size (as FFmpeg filters do in config_input): the input is shrunk by a whole factor,
 * which keeps OpenCV's area resize on its fast path, and analysis coordinates scale back to the full frame.
 */
public record AnalysisGeometry(
        int frameWidth, int frameHeight,
        int inputWidth, int inputHeight,
        int shrinkFactor,
        int width, int height) {

    public static AnalysisGeometry of(int frameWidth, int frameHeight, int inputWidth, int inputHeight, int targetWidth) {
        double frameAspect = (double) frameWidth / frameHeight;
        double inputAspect = (double) inputWidth / inputHeight;
        if (inputWidth > frameWidth || inputHeight > frameHeight || Math.abs(inputAspect / frameAspect - 1) > 0.02) {
            throw new DetectorSetupException("input image " + inputWidth + "x" + inputHeight + " does not fit the "
                    + frameWidth + "x" + frameHeight + " frame: pass the Y plane at full size or shrunk with the same aspect ratio");
        }
        int factor = Math.max(1, (int) Math.round((double) inputWidth / targetWidth));
        int width = Math.max(1, inputWidth / factor);
        int height = Math.max(1, inputHeight / factor);
        return new AnalysisGeometry(frameWidth, frameHeight, inputWidth, inputHeight, factor, width, height);
    }

    /** Full-frame pixels per analysis pixel, horizontally. */
    public double scaleX() {
        return (double) frameWidth / width;
    }

    /** Full-frame pixels per analysis pixel, vertically. */
    public double scaleY() {
        return (double) frameHeight / height;
    }

    public int pixels() {
        return width * height;
    }
}
