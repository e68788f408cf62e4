package org.vigil.detectors.analysis;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Fits current ≈ gain × reference + offset on a coarse grid of still, unsaturated samples, dropping outliers
 * (moving objects) twice: brightness steps, auto-gain and contrast changes then cancel out of the comparison, and
 * {@link #change()} says how large the global change was. The residuals of the samples the fit kept give the scene's
 * noise level for free. Samples are single pixels (nearest-neighbour), so the noise they show is the analysis
 * image's own. Allocation-free per frame: sample arrays are reused.
 */
final class PhotometricFit implements AutoCloseable {

    private static final int SAMPLE_WIDTH = 64;
    private static final int MIN_SAMPLES = 32;
    private static final double MIN_TOLERANCE = 3;
    private static final double FLAT_SCENE_STD = 4; // grey levels; below this the gain cannot be told from noise

    private final Size sampleSize;
    private final Mat currentSamples = new Mat();
    private final Mat referenceSamples = new Mat();
    private final Mat stableSamples = new Mat();
    private final byte[] current;
    private final float[] reference;
    private final byte[] stable;
    private final boolean[] usable;

    private double gain = 1;
    private double offset;
    private double change;
    private double noise = Double.NaN;

    PhotometricFit(AnalysisGeometry geometry) {
        int width = Math.min(SAMPLE_WIDTH, geometry.width());
        int height = Math.max(1, (int) Math.round((double) width * geometry.height() / geometry.width()));
        sampleSize = new Size(width, height);
        current = new byte[width * height];
        reference = new float[width * height];
        stable = new byte[width * height];
        usable = new boolean[width * height];
    }

    /**
     * @param current8U   analysis image of this frame
     * @param reference32F the background it is compared with
     * @param stable8U    255 where the last frame saw no foreground (samples elsewhere are not trusted)
     */
    void estimate(Mat current8U, Mat reference32F, Mat stable8U) {
        Imgproc.resize(current8U, currentSamples, sampleSize, 0, 0, Imgproc.INTER_NEAREST);
        Imgproc.resize(reference32F, referenceSamples, sampleSize, 0, 0, Imgproc.INTER_NEAREST);
        Imgproc.resize(stable8U, stableSamples, sampleSize, 0, 0, Imgproc.INTER_NEAREST);
        currentSamples.get(0, 0, current);
        referenceSamples.get(0, 0, reference);
        stableSamples.get(0, 0, stable);

        int candidates = 0;
        for (int i = 0; i < current.length; i++) {
            int c = current[i] & 0xff;
            float r = reference[i];
            // a clipped sample says nothing about the gain; one near last frame's foreground may be a moving object
            usable[i] = (stable[i] & 0xff) == 255 && c > 4 && c < 250 && r > 4 && r < 250;
            if (usable[i]) {
                candidates++;
            }
        }
        gain = 1;
        offset = 0;
        change = 0;
        noise = Double.NaN;
        if (candidates < MIN_SAMPLES) {
            return;
        }
        double tolerance = Double.POSITIVE_INFINITY;
        for (int pass = 0; pass < 3; pass++) {
            if (!fit(tolerance)) {
                return;
            }
            tolerance = Math.max(MIN_TOLERANCE, 2.5 * meanAbsResidual(tolerance));
        }
        noise = meanAbsResidual(tolerance);
        measureChange(tolerance);
    }

    /** Least squares over usable samples whose residual under the previous fit lies within the tolerance. */
    private boolean fit(double tolerance) {
        double previousGain = gain;
        double previousOffset = offset;
        long n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < current.length; i++) {
            if (!usable[i]) {
                continue;
            }
            double x = reference[i];
            double y = current[i] & 0xff;
            if (Math.abs(y - previousGain * x - previousOffset) > tolerance) {
                continue;
            }
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        if (n < MIN_SAMPLES) {
            return false;
        }
        double meanX = sx / n;
        double meanY = sy / n;
        double varX = sxx / n - meanX * meanX;
        if (varX < FLAT_SCENE_STD * FLAT_SCENE_STD) {
            gain = 1;
        } else {
            gain = Math.max(0.25, Math.min(4, (sxy / n - meanX * meanY) / varX));
        }
        offset = meanY - gain * meanX;
        return true;
    }

    private double meanAbsResidual(double tolerance) {
        // residuals against the new fit, over the samples the tolerance kept (the caller's previous pass)
        long n = 0;
        double sum = 0;
        for (int i = 0; i < current.length; i++) {
            if (usable[i]) {
                double residual = Math.abs((current[i] & 0xff) - gain * reference[i] - offset);
                if (residual <= tolerance) {
                    n++;
                    sum += residual;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private void measureChange(double tolerance) {
        long n = 0;
        double shift = 0;
        double level = 0;
        for (int i = 0; i < current.length; i++) {
            if (usable[i] && Math.abs((current[i] & 0xff) - gain * reference[i] - offset) <= tolerance) {
                n++;
                shift += Math.abs((gain - 1) * reference[i] + offset);
                level += reference[i];
            }
        }
        double brightness = n == 0 ? 0 : shift / Math.max(level, 16.0 * n);
        // an IR switch or auto-contrast keeps the mean but stretches the grey range: the gain tells it
        change = Math.max(brightness, Math.abs(gain - 1));
    }

    /** The reference as this frame's camera would show it, clipped to 0..255 like the camera clips. */
    void predict(Mat reference32F, Mat out8U) {
        reference32F.convertTo(out8U, CvType.CV_8U, gain, offset);
    }

    /** This frame mapped back into the reference's brightness. */
    void toReference(Mat current8U, Mat out32F) {
        current8U.convertTo(out32F, CvType.CV_32F, 1 / gain, -offset / gain);
    }

    /** Forgets the last fit: the identity until the next estimate. */
    void clear() {
        gain = 1;
        offset = 0;
        change = 0;
        noise = Double.NaN;
    }

    /** Mean absolute difference between this frame and the fitted reference over still samples; NaN when unknown. */
    double noise() {
        return noise;
    }

    double gain() {
        return gain;
    }

    double offset() {
        return offset;
    }

    /**
     * How much the light changed: the larger of the mean brightness shift the fit explains relative to the mean
     * brightness, and the change of contrast (|gain - 1|); 0.4 for a 40% step.
     */
    double change() {
        return change;
    }

    @Override
    public void close() {
        currentSamples.release();
        referenceSamples.release();
        stableSamples.release();
    }
}
