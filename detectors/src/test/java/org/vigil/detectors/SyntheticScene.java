package org.vigil.detectors;

import java.util.SplittableRandom;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * A made-up camera for unit tests: a textured still background, Gaussian sensor noise, a global gain, and a
 * textured rectangle that can be placed anywhere. Seeded, so every run draws the same frames.
 */
final class SyntheticScene {

    final int width;
    final int height;
    private final byte[] background;
    private final byte[] pixels;
    private final SplittableRandom random;
    private final double sigma;
    double gain = 1;
    /** The whole picture's shift in pixels (a shaking camera), applied after the object is drawn. */
    double shiftX;
    double shiftY;

    SyntheticScene(int width, int height, double sigma, long seed) {
        this(width, height, sigma, seed, false);
    }

    /**
     * A scene with detail in every direction (blurred random blobs, as walls, grass and cars give a real view),
     * for tests where the smooth default's stripes would be ambiguous (a stripe moved along itself looks unmoved).
     */
    static SyntheticScene detailed(int width, int height, double sigma, long seed) {
        return new SyntheticScene(width, height, sigma, seed, true);
    }

    private SyntheticScene(int width, int height, double sigma, long seed, boolean detailed) {
        this.width = width;
        this.height = height;
        this.sigma = sigma;
        this.random = new SplittableRandom(seed);
        background = new byte[width * height];
        pixels = new byte[width * height];
        SplittableRandom texture = new SplittableRandom(seed + 1);
        if (detailed) {
            Mat blobs = new Mat(height, width, CvType.CV_8UC1);
            byte[] raw = new byte[width * height];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (byte) (40 + texture.nextInt(180));
            }
            blobs.put(0, 0, raw);
            org.opencv.imgproc.Imgproc.GaussianBlur(blobs, blobs, new org.opencv.core.Size(0, 0), 3);
            // blurring random pixels leaves little contrast: stretch it back to a real scene's range
            org.opencv.core.Core.normalize(blobs, blobs, 30, 200, org.opencv.core.Core.NORM_MINMAX);
            blobs.get(0, 0, background);
            blobs.release();
            return;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 110 + 40 * Math.sin(x / 23.0) * Math.cos(y / 17.0) + 20 * Math.sin((x + 2 * y) / 9.0) + 8 * texture.nextDouble();
                background[y * width + x] = (byte) Math.round(v);
            }
        }
    }

    /**
     * Where the tests' walker is at frame {@code frame} of its walk: 40x100, in over the picture's left edge and 8
     * pixels a frame to the right.
     */
    static Box walkerAt(int frame) {
        return new Box(8 * frame, 200, 40, 100);
    }

    /** A frame of the empty scene. */
    Mat frame() {
        return frame(null);
    }

    /** A frame with a bright textured object (a white shirt) covering {@code object} (full-frame coordinates). */
    Mat frame(Box object) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double v = background[i] & 0xff;
                if (object != null && x >= object.x() && x < object.x() + object.width() && y >= object.y() && y < object.y() + object.height()) {
                    v = 215 + 12 * ((x / 3 + y / 4) % 3);
                }
                long value = Math.round(v * gain + sigma * gaussian());
                pixels[i] = (byte) Math.max(0, Math.min(255, value));
            }
        }
        Mat mat = new Mat(height, width, CvType.CV_8UC1);
        mat.put(0, 0, pixels);
        if (shiftX != 0 || shiftY != 0) {
            Mat warp = new Mat(2, 3, CvType.CV_64F);
            warp.put(0, 0, 1, 0, shiftX, 0, 1, shiftY);
            Mat moved = new Mat();
            org.opencv.imgproc.Imgproc.warpAffine(mat, moved, warp, mat.size(), org.opencv.imgproc.Imgproc.INTER_LINEAR,
                    org.opencv.core.Core.BORDER_REPLICATE);
            warp.release();
            mat.release();
            return moved;
        }
        return mat;
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
