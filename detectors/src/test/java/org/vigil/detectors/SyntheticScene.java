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

    SyntheticScene(int width, int height, double sigma, long seed) {
        this.width = width;
        this.height = height;
        this.sigma = sigma;
        this.random = new SplittableRandom(seed);
        background = new byte[width * height];
        pixels = new byte[width * height];
        SplittableRandom texture = new SplittableRandom(seed + 1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 110 + 40 * Math.sin(x / 23.0) * Math.cos(y / 17.0) + 20 * Math.sin((x + 2 * y) / 9.0) + 8 * texture.nextDouble();
                background[y * width + x] = (byte) Math.round(v);
            }
        }
    }

    /** Where the tests' walker is at frame {@code frame} of its walk: 40x100, 8 pixels a frame to the right. */
    static Box walkerAt(int frame) {
        return new Box(100 + 8 * frame, 200, 40, 100);
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
        return mat;
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
