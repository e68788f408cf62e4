package org.vigil.detectors.analysis;

import org.opencv.core.Mat;

/**
 * Whether a region's change is the background itself moved a little: every changed pixel shows a value that the
 * reference holds within {@value #RADIUS} pixels of it. A bush or a flag starting to sway shows what was next to it a
 * moment ago; a person stepping into view shows what was nowhere near. Read from the frame only for a region that is
 * born, so a frame without a newcomer pays nothing.
 */
final class LocalDisplacement {

    private static final int RADIUS = 2;

    private final int width;
    private final int height;
    private final byte[] frame;
    private final byte[] expected;
    private Mat frameMat;
    private Mat expectedMat;
    private double tolerance;
    private boolean loaded;

    LocalDisplacement(AnalysisGeometry geometry) {
        width = geometry.width();
        height = geometry.height();
        frame = new byte[geometry.pixels()];
        expected = new byte[geometry.pixels()];
    }

    /** This frame (8-bit, analysis size) and the reference as this frame's camera would show it. */
    void frame(Mat frame8U, Mat expected8U, double toleranceLevels) {
        frameMat = frame8U;
        expectedMat = expected8U;
        tolerance = toleranceLevels;
        loaded = false;
    }

    /** Share (0..1) of the changed pixels ({@code mask}, analysis size) in a box that a small displacement explains. */
    double explainedShare(byte[] mask, int left, int top, int boxWidth, int boxHeight) {
        if (!loaded) {
            frameMat.get(0, 0, frame);
            expectedMat.get(0, 0, expected);
            loaded = true;
        }
        int changed = 0;
        int explained = 0;
        for (int y = top; y < top + boxHeight; y++) {
            for (int x = left; x < left + boxWidth; x++) {
                int i = y * width + x;
                if (mask[i] == 0) {
                    continue;
                }
                changed++;
                int value = frame[i] & 0xff;
                int low = 255;
                int high = 0;
                for (int yy = Math.max(0, y - RADIUS); yy <= Math.min(height - 1, y + RADIUS); yy++) {
                    int base = yy * width;
                    for (int xx = Math.max(0, x - RADIUS); xx <= Math.min(width - 1, x + RADIUS); xx++) {
                        int e = expected[base + xx] & 0xff;
                        low = Math.min(low, e);
                        high = Math.max(high, e);
                    }
                }
                if (value >= low - tolerance && value <= high + tolerance) {
                    explained++;
                }
            }
        }
        return changed == 0 ? 0 : (double) explained / changed;
    }
}
