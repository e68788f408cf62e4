package org.vigil.detectors.eval;

import java.util.SplittableRandom;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Motion that stays where it is, the kind users do not want events for: foliage in wind (real, from tree.avi), a
 * flag waving, insects fluttering round an IR lamp. Each is a {@link ComposedScenario.Layer}; and camera shake.
 */
final class InPlaceMotion {

    private InPlaceMotion() {
    }

    /**
     * tree.avi's foliage, played forwards and backwards, shrunk into a rectangle of the scene: a bush or a hedge
     * in a corner of an otherwise still view.
     */
    static ComposedScenario.Layer foliage(Footage.Clip tree, int x, int y, int width, int height) {
        byte[] source = new byte[tree.frameBytes()];
        Mat src = new Mat(tree.height(), tree.width(), CvType.CV_8UC1);
        Mat dst = new Mat();
        byte[] patch = new byte[width * height];
        Size size = new Size(width, height);
        return (scene, w, h, frame) -> {
            int period = 2 * tree.frames() - 2;
            int k = frame % period;
            tree.read(k < tree.frames() ? k : period - k, source);
            src.put(0, 0, source);
            Imgproc.resize(src, dst, size, 0, 0, Imgproc.INTER_AREA);
            dst.get(0, 0, patch);
            for (int row = 0; row < height; row++) {
                System.arraycopy(patch, row * width, scene, (y + row) * w + x, width);
            }
        };
    }

    /**
     * A layer that starts moving long after the detector calibrated: the wind picks up, the moths arrive. Before
     * {@code start} it shows its first frame, still, or nothing when {@code visibleBefore} is false.
     */
    static ComposedScenario.Layer startingAt(int start, boolean visibleBefore, ComposedScenario.Layer layer) {
        return (scene, w, h, frame) -> {
            if (frame >= start) {
                layer.draw(scene, w, h, frame - start);
            } else if (visibleBefore) {
                layer.draw(scene, w, h, 0);
            }
        };
    }

    /** A striped flag on a pole, waves running through it at about 1 Hz; it never leaves its place. */
    static ComposedScenario.Layer flag(int x, int y, int width, int height) {
        int amplitude = Math.max(2, height / 8);
        return (scene, w, h, frame) -> {
            double t = frame / 10.0;
            for (int col = 0; col < width; col++) {
                // the free end flaps more than the end at the pole
                double reach = (double) col / width;
                int lift = (int) Math.round(amplitude * reach * Math.sin(2 * Math.PI * (1.1 * t - col / (0.6 * width))));
                for (int row = -amplitude; row < height + amplitude; row++) {
                    int yy = y + row;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    int inFlag = row - lift;
                    if (inFlag >= 0 && inFlag < height) {
                        int stripe = inFlag * 3 / height;
                        int shade = (int) (40 * Math.cos(2 * Math.PI * (t - col / (0.6 * width))));
                        int value = (stripe == 1 ? 220 : 70) + shade / 2;
                        scene[yy * w + x + col] = (byte) Math.max(0, Math.min(255, value));
                    }
                }
            }
        };
    }

    /**
     * Moths round a lamp at night: bright soft blobs, each flitting on its own random path inside a circle of the
     * given radius and now and then out of sight.
     */
    static ComposedScenario.Layer insects(int centreX, int centreY, int radius, int count, int blobSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] at = new double[count][2];
        for (double[] p : at) {
            p[0] = centreX + (random.nextDouble() - 0.5) * radius;
            p[1] = centreY + (random.nextDouble() - 0.5) * radius;
        }
        return (scene, w, h, frame) -> {
            for (int i = 0; i < count; i++) {
                double[] p = at[i];
                p[0] += (random.nextDouble() - 0.5) * radius * 0.5;
                p[1] += (random.nextDouble() - 0.5) * radius * 0.5;
                double dx = p[0] - centreX;
                double dy = p[1] - centreY;
                double r = Math.hypot(dx, dy);
                if (r > radius) {
                    p[0] = centreX + dx * radius / r;
                    p[1] = centreY + dy * radius / r;
                }
                if (random.nextDouble() < 0.2) {
                    continue; // turned edge-on to the lamp: not seen this frame
                }
                blob(scene, w, h, (int) p[0], (int) p[1], blobSize);
            }
        };
    }

    private static void blob(byte[] scene, int w, int h, int cx, int cy, int size) {
        double r = size / 2.0;
        for (int y = (int) (cy - r); y <= cy + r; y++) {
            for (int x = (int) (cx - r); x <= cx + r; x++) {
                if (x < 0 || y < 0 || x >= w || y >= h) {
                    continue;
                }
                double d = Math.hypot(x - cx, y - cy) / r;
                if (d <= 1) {
                    int behind = scene[y * w + x] & 0xff;
                    double glow = 1 - d * d;
                    scene[y * w + x] = (byte) Math.round(behind + glow * (250 - behind));
                }
            }
        }
    }

    /**
     * A pole-mounted camera in wind: the picture sways (two slow swings) and trembles (frame-to-frame jitter), up to
     * {@code amplitude} full-frame pixels either way.
     */
    static ComposedScenario.Shake wind(double amplitude, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double phaseX = random.nextDouble() * 2 * Math.PI;
        double phaseY = random.nextDouble() * 2 * Math.PI;
        double[] shift = new double[2];
        return frame -> {
            double t = frame / 10.0;
            shift[0] = amplitude * (0.5 * Math.sin(2 * Math.PI * 0.7 * t + phaseX) + 0.2 * Math.sin(2 * Math.PI * 2.3 * t)
                    + 0.3 * (2 * random.nextDouble() - 1));
            shift[1] = amplitude * (0.4 * Math.sin(2 * Math.PI * 0.9 * t + phaseY) + 0.3 * (2 * random.nextDouble() - 1));
            return shift;
        };
    }
}
