package org.vigil.detectors.analysis;

import java.util.Arrays;

import org.opencv.core.Mat;

/**
 * How often each pixel has lately switched between changed and unchanged. Leaves, a flag, rain or moths make the
 * same pixels blink on and off several times a second; a person passing switches a pixel on when they arrive and
 * off when they leave (the "blinking pixels" by which SuBSENSE finds dynamic background). Each switch adds one to a
 * pixel's count, which decays with a time constant of {@value #TIME_CONSTANT} s.
 *
 * <p>The decay is kept as one factor for the whole map, not applied pixel by pixel: a frame touches only the pixels
 * that switched, and a frame whose mask and the one before it are both empty costs nothing.
 */
final class BlinkMap {

    private static final double TIME_CONSTANT = 2; // seconds
    /** Switches within about a time constant above which a pixel is blinking: it went on and off and on again. */
    private static final double BLINKING = 2.5;
    /** Time constants after which the stored weights are scaled back, long before a float could overflow. */
    private static final double RESCALE_AFTER = 40;

    private final int width;
    private final float[] weights; // switches, each weighted by exp((when - base) / TIME_CONSTANT)
    private byte[] current;
    private byte[] previous;
    private boolean previousEmpty = true;
    private double sinceBase; // seconds from the base time to now

    BlinkMap(AnalysisGeometry geometry) {
        width = geometry.width();
        weights = new float[geometry.pixels()];
        current = new byte[geometry.pixels()];
        previous = new byte[geometry.pixels()];
    }

    /** Counts the switches between the last mask and this one ({@code changedCount} set pixels, 0/255). */
    void update(Mat changed8U, int changedCount, double seconds) {
        sinceBase += seconds;
        if (changedCount == 0 && previousEmpty) {
            return;
        }
        if (sinceBase / TIME_CONSTANT > RESCALE_AFTER) {
            rescale();
        }
        if (changedCount == 0) {
            Arrays.fill(current, (byte) 0);
        } else {
            changed8U.get(0, 0, current);
        }
        float weight = (float) Math.exp(sinceBase / TIME_CONSTANT);
        // only the pixels that switched are touched
        for (int i = MaskScan.nextDifference(current, previous, 0); i >= 0; i = MaskScan.nextDifference(current, previous, i + 1)) {
            weights[i] += weight;
        }
        byte[] swap = previous;
        previous = current;
        current = swap;
        previousEmpty = changedCount == 0;
    }

    private void rescale() {
        float keep = (float) Math.exp(-sinceBase / TIME_CONSTANT);
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= keep;
        }
        sinceBase = 0;
    }

    /** The last mask counted, 0/255 per analysis pixel: read only, until the next {@link #update}. */
    byte[] lastMask() {
        return previous;
    }

    /**
     * The picture was retaken (a lighting change): this frame is the new reference, so nothing differs from it and
     * its mask is empty. What blinked before keeps its count: leaves go on blinking through a re-baseline.
     */
    void retaken() {
        Arrays.fill(previous, (byte) 0);
        previousEmpty = true;
    }

    void clear() {
        retaken();
        Arrays.fill(weights, 0);
        sinceBase = 0;
    }

    /**
     * Share (0..1) of the changed pixels in a box (analysis pixels) of the last mask that are blinking; 0 for a box
     * with none.
     */
    double blinkingShare(int left, int top, int boxWidth, int boxHeight) {
        scan(left, top, boxWidth, boxHeight);
        return scannedChanged == 0 ? 0 : (double) (scannedChanged - scannedSteady) / scannedChanged;
    }

    /**
     * How many changed pixels of the last mask in a box do not blink (what a body brings, among leaves that do), and
     * their centre: {@code centre} gets x and y (analysis pixels), untouched when there are none.
     */
    int steadyChange(int left, int top, int boxWidth, int boxHeight, double[] centre) {
        scan(left, top, boxWidth, boxHeight);
        if (scannedSteady > 0) {
            centre[0] = (double) steadySumX / scannedSteady + 0.5;
            centre[1] = (double) steadySumY / scannedSteady + 0.5;
        }
        return scannedSteady;
    }

    private int scannedChanged;
    private int scannedSteady;
    private long steadySumX;
    private long steadySumY;

    private void scan(int left, int top, int boxWidth, int boxHeight) {
        float level = (float) (BLINKING * Math.exp(sinceBase / TIME_CONSTANT));
        int changed = 0;
        int steady = 0;
        long sumX = 0;
        long sumY = 0;
        for (int y = top; y < top + boxHeight; y++) {
            int base = y * width;
            for (int x = left; x < left + boxWidth; x++) {
                if (previous[base + x] != 0) {
                    changed++;
                    if (weights[base + x] < level) {
                        steady++;
                        sumX += x;
                        sumY += y;
                    }
                }
            }
        }
        scannedChanged = changed;
        scannedSteady = steady;
        steadySumX = sumX;
        steadySumY = sumY;
    }
}
