package org.vigil.detectors.analysis;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * How far the whole picture moved against the reference (a camera on a pole in wind), and the frame moved back.
 * The shift comes from the row and column brightness profiles (in bands) of the still part of the scene: the derivatives of
 * the frame's profiles are correlated with the reference's over ±{@value #RANGE} pixels and the peak refined to a
 * fraction of a pixel. Profiles ignore moving objects (their pixels are replaced by the reference's) and gain (the
 * correlation is normalised), and cost one pass over the analysis image: cheap enough to run on every frame.
 */
final class GlobalShift implements AutoCloseable {

    static final int RANGE = 4; // analysis pixels
    private static final int STRIDE = 4;
    private static final int BANDS = 4;
    private static final double MIN_SHIFT = 0.2; // below this, aligning costs more than it brings
    private static final double MIN_CORRELATION = 0.6; // below this the profiles do not say where the picture went

    private final int width;
    private final int height;
    private final byte[] currentPixels;
    private final byte[] movingPixels;
    private final byte[] referencePixels;
    private final float[][] columns;
    private final float[][] rows;
    private final float[][] referenceColumns;
    private final float[][] referenceRows;
    private final double[][] dCur;
    private final double[][] dRef;
    private boolean referenceKnown;
    private final Mat warp = new Mat(2, 3, CvType.CV_64F);
    private final double[] affine = {1, 0, 0, 0, 1, 0};
    private final Mat inner;
    private double dx;
    private double dy;

    GlobalShift(AnalysisGeometry geometry) {
        width = geometry.width();
        height = geometry.height();
        int longest = Math.max(width, height);
        currentPixels = new byte[width * height];
        movingPixels = new byte[width * height];
        referencePixels = new byte[width * height];
        columns = new float[BANDS][width];
        rows = new float[BANDS][height];
        referenceColumns = new float[BANDS][width];
        referenceRows = new float[BANDS][height];
        dCur = new double[BANDS][longest];
        dRef = new double[BANDS][longest];
        inner = Mat.zeros(height, width, CvType.CV_8UC1);
        int margin = RANGE + 1;
        if (width > 2 * margin && height > 2 * margin) {
            inner.submat(margin, height - margin, margin, width - margin).setTo(new Scalar(255));
        }
    }

    /**
     * Measures the shift of {@code current8U} against the reference.
     *
     * @param reference8U the reference as the last frame's camera showed it, to stand in for moving pixels
     * @param moving8U 255 where the last frame saw something move (left out of the profiles); empty for none
     * @param referenceChanged retake the reference's profiles
     * @return whether the picture moved enough to be aligned
     */
    boolean estimate(Mat current8U, Mat reference8U, Mat moving8U, boolean referenceChanged) {
        if (reference8U.empty()) {
            return false; // nothing to compare with yet
        }
        current8U.get(0, 0, currentPixels);
        boolean masked = !moving8U.empty();
        if (masked) {
            moving8U.get(0, 0, movingPixels);
        }
        if (masked || referenceChanged || !referenceKnown) {
            reference8U.get(0, 0, referencePixels);
        }
        profiles(currentPixels, masked, columns, rows);
        if (referenceChanged || !referenceKnown) {
            profiles(referencePixels, false, referenceColumns, referenceRows);
            referenceKnown = true;
        }
        dx = profileShift(columns, referenceColumns, width);
        dy = profileShift(rows, referenceRows, height);
        return Math.abs(dx) >= MIN_SHIFT || Math.abs(dy) >= MIN_SHIFT;
    }

    /**
     * Column profiles of {@value #BANDS} horizontal bands and row profiles of as many vertical bands, from every
     * {@value #STRIDE}th row and column. Bands keep texture that would cancel out over the whole frame (a diagonal
     * pattern, a slope); the stride makes it a pass over a quarter of the pixels, with dozens of samples per profile
     * point still. (OpenCV's reduce takes about 100 us for two profiles of a 240x135 image.)
     */
    private void profiles(byte[] pixels, boolean masked, float[][] columnOut, float[][] rowOut) {
        for (float[] band : columnOut) {
            java.util.Arrays.fill(band, 0);
        }
        for (float[] band : rowOut) {
            java.util.Arrays.fill(band, 0);
        }
        for (int y = 0; y < height; y++) {
            int base = y * width;
            boolean sampledRow = y % STRIDE == 0;
            float[] columnBand = columnOut[y * BANDS / height];
            for (int x = 0; x < width; x += sampledRow ? 1 : STRIDE) {
                int v = pixel(pixels, base + x, masked);
                if (sampledRow) {
                    columnBand[x] += v;
                }
                if (x % STRIDE == 0) {
                    rowOut[x * BANDS / width][y] += v;
                }
            }
        }
    }

    private int pixel(byte[] pixels, int i, boolean masked) {
        int c = pixels[i];
        // a moving pixel (mask 255) takes the reference's value, without a branch
        return masked ? (c ^ ((c ^ referencePixels[i]) & movingPixels[i])) & 0xff : c & 0xff;
    }

    /** The shift s (in pixels, fractional) for which current(x) ≈ reference(x − s), or 0 when it is not clear. */
    private double profileShift(float[][] current, float[][] reference, int n) {
        if (n <= 2 * RANGE + 2) {
            return 0;
        }
        int m = n - 1;
        double frameEnergy = 0;
        for (int band = 0; band < BANDS; band++) {
            double[] dc = dCur[band];
            double[] dr = dRef[band];
            for (int i = 0; i < m; i++) {
                dc[i] = current[band][i + 1] - current[band][i];
                dr[i] = reference[band][i + 1] - reference[band][i];
            }
            for (int i = RANGE; i < m - RANGE; i++) {
                frameEnergy += dc[i] * dc[i];
            }
        }
        // normalised correlation at each whole-pixel shift, over the same window of the frame's profiles
        double best = Double.NEGATIVE_INFINITY;
        int bestShift = 0;
        double left = Double.NaN;
        double right = Double.NaN;
        double previous = Double.NaN;
        for (int s = -RANGE; s <= RANGE; s++) {
            double cross = 0;
            double referenceEnergy = 0;
            for (int band = 0; band < BANDS; band++) {
                double[] dc = dCur[band];
                double[] dr = dRef[band];
                for (int i = RANGE; i < m - RANGE; i++) {
                    double r = dr[i - s];
                    cross += dc[i] * r;
                    referenceEnergy += r * r;
                }
            }
            double score = frameEnergy > 0 && referenceEnergy > 0 ? cross / Math.sqrt(frameEnergy * referenceEnergy) : 0;
            if (score > best) {
                best = score;
                bestShift = s;
                left = previous;
                right = Double.NaN;
            } else if (s == bestShift + 1) {
                right = score;
            }
            previous = score;
        }
        if (best < MIN_CORRELATION) {
            return 0;
        }
        double fraction = 0;
        if (!Double.isNaN(left) && !Double.isNaN(right)) {
            double curvature = left - 2 * best + right;
            if (curvature < 0) {
                fraction = Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
            }
        }
        return bestShift + fraction;
    }

    /** This frame moved back onto the reference: out(x, y) = current(x + dx, y + dy). */
    void align(Mat current8U, Mat out8U) {
        affine[2] = dx;
        affine[5] = dy;
        warp.put(0, 0, affine);
        Imgproc.warpAffine(current8U, out8U, warp, current8U.size(), Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP,
                Core.BORDER_REPLICATE);
    }

    /** Clears the frame's edge, where an aligned frame repeats its border instead of showing the scene. */
    void clearEdges(Mat mask8U) {
        Core.bitwise_and(mask8U, inner, mask8U);
    }

    double dx() {
        return dx;
    }

    double dy() {
        return dy;
    }

    /** Forgets the reference's profiles (it was retaken). */
    void forget() {
        referenceKnown = false;
    }

    @Override
    public void close() {
        warp.release();
        inner.release();
    }
}
