package org.vigil.detectors.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.vigil.opencv.OpenCvNatives;

/**
 * What the labelled scenarios are built from, all taken from vtest.avi: the clean background (the per-pixel median
 * of frames spread over the whole clip, which removes the pedestrians), the same scene as a camera in IR mode would
 * show it, and pedestrians cut out of the sampled frames where they differ from the background.
 */
public final class SceneAssets {

    private static final int MIN_SPRITE_AREA = 700;
    private static final int MAX_SPRITE_AREA = 9000;
    private static final int MIN_SPRITE_HEIGHT = 45;
    private static final int MAX_SPRITES = 12;

    private final int width;
    private final int height;
    private final byte[] backgroundLuma;
    private final byte[] infraredLuma;
    private final List<Sprite> sprites;

    private SceneAssets(int width, int height, byte[] backgroundLuma, byte[] infraredLuma, List<Sprite> sprites) {
        this.width = width;
        this.height = height;
        this.backgroundLuma = backgroundLuma;
        this.infraredLuma = infraredLuma;
        this.sprites = List.copyOf(sprites);
    }

    public static SceneAssets build(Footage footage) {
        OpenCvNatives.load();
        Footage.Clip samples = footage.vtestSamples();
        byte[][] frames = new byte[samples.frames()][samples.frameBytes()];
        for (int i = 0; i < frames.length; i++) {
            samples.read(i, frames[i]);
        }
        byte[] background = medianOf(frames);
        int w = samples.width();
        int h = samples.height();
        return new SceneAssets(w, h, luma(background), infrared(background), cutSprites(frames, background, w, h));
    }

    private static byte[] medianOf(byte[][] frames) {
        byte[] median = new byte[frames[0].length];
        int[] values = new int[frames.length];
        for (int i = 0; i < median.length; i++) {
            for (int f = 0; f < frames.length; f++) {
                values[f] = frames[f][i] & 0xff;
            }
            Arrays.sort(values);
            median[i] = (byte) values[values.length / 2];
        }
        return median;
    }

    /** BT.601 limited-range luma, what the camera's Y plane holds. */
    static byte[] luma(byte[] rgb) {
        byte[] y = new byte[rgb.length / 3];
        for (int i = 0; i < y.length; i++) {
            double value = 16 + (65.481 * (rgb[3 * i] & 0xff) + 128.553 * (rgb[3 * i + 1] & 0xff) + 24.966 * (rgb[3 * i + 2] & 0xff)) / 255;
            y[i] = (byte) Math.min(255, Math.round(value));
        }
        return y;
    }

    /**
     * The scene with the IR-cut filter out: a flat spectral weighting instead of luma (grass and brick change places
     * in brightness) and the stronger contrast of an IR illuminator.
     */
    static byte[] infrared(byte[] rgb) {
        int pixels = rgb.length / 3;
        double[] flat = new double[pixels];
        double sum = 0;
        for (int i = 0; i < pixels; i++) {
            flat[i] = ((rgb[3 * i] & 0xff) + (rgb[3 * i + 1] & 0xff) + (rgb[3 * i + 2] & 0xff)) / 3.0;
            sum += flat[i];
        }
        double mean = sum / pixels;
        byte[] y = new byte[pixels];
        for (int i = 0; i < pixels; i++) {
            y[i] = (byte) Math.max(0, Math.min(255, Math.round(mean + 1.35 * (flat[i] - mean) + 8)));
        }
        return y;
    }

    private static List<Sprite> cutSprites(byte[][] frames, byte[] background, int w, int h) {
        List<Sprite> sprites = new ArrayList<>();
        Mat difference = new Mat(h, w, CvType.CV_8UC1);
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        Mat open = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3));
        Mat close = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(7, 7));
        byte[] diff = new byte[w * h];
        int[] stat = new int[Imgproc.CC_STAT_MAX];
        try {
            for (int f = 0; f < frames.length && sprites.size() < MAX_SPRITES; f += 3) {
                byte[] rgb = frames[f];
                for (int i = 0; i < diff.length; i++) {
                    int d = 0;
                    for (int c = 0; c < 3; c++) {
                        d = Math.max(d, Math.abs((rgb[3 * i + c] & 0xff) - (background[3 * i + c] & 0xff)));
                    }
                    diff[i] = (byte) (d > 40 ? 255 : 0);
                }
                difference.put(0, 0, diff);
                Imgproc.morphologyEx(difference, difference, Imgproc.MORPH_OPEN, open);
                Imgproc.morphologyEx(difference, difference, Imgproc.MORPH_CLOSE, close);
                int count = Imgproc.connectedComponentsWithStats(difference, labels, stats, centroids, 8, CvType.CV_32S);
                int[] label = new int[w * h];
                labels.get(0, 0, label);
                byte[] luma = luma(rgb);
                for (int c = 1; c < count && sprites.size() < MAX_SPRITES; c++) {
                    stats.get(c, 0, stat);
                    int x = stat[Imgproc.CC_STAT_LEFT], y = stat[Imgproc.CC_STAT_TOP];
                    int sw = stat[Imgproc.CC_STAT_WIDTH], sh = stat[Imgproc.CC_STAT_HEIGHT];
                    int area = stat[Imgproc.CC_STAT_AREA];
                    boolean upright = sh >= MIN_SPRITE_HEIGHT && sh >= 1.6 * sw && sh <= 5 * sw;
                    boolean inside = x > 2 && y > 2 && x + sw < w - 2 && y + sh < h - 2;
                    boolean solid = area >= 0.45 * sw * sh; // one person, not two that touch
                    if (area < MIN_SPRITE_AREA || area > MAX_SPRITE_AREA || !upright || !inside || !solid) {
                        continue;
                    }
                    byte[] spriteLuma = new byte[sw * sh];
                    byte[] alpha = new byte[sw * sh];
                    for (int row = 0; row < sh; row++) {
                        for (int col = 0; col < sw; col++) {
                            int at = (y + row) * w + x + col;
                            spriteLuma[row * sw + col] = luma[at];
                            alpha[row * sw + col] = (byte) (label[at] == c ? 1 : 0);
                        }
                    }
                    sprites.add(new Sprite(sw, sh, spriteLuma, alpha));
                }
            }
        } finally {
            difference.release();
            labels.release();
            stats.release();
            centroids.release();
            open.release();
            close.release();
        }
        if (sprites.isEmpty()) {
            throw new IllegalStateException("no pedestrian could be cut out of vtest.avi: is the decoded footage intact?");
        }
        return sprites;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The clean background's Y plane (do not modify). */
    public byte[] backgroundLuma() {
        return backgroundLuma;
    }

    /** The clean background as the camera shows it in IR mode (do not modify). */
    public byte[] infraredLuma() {
        return infraredLuma;
    }

    /**
     * The background's Y plane with the IR-cut filter {@code infrared} of the way out: the colour camera's luma at
     * 0, the IR picture at 1, a blend (in {@code scratch}) between, for the frame the filter moves. Do not modify.
     */
    byte[] lumaUnder(double infrared, byte[] scratch) {
        if (infrared <= 0) {
            return backgroundLuma;
        }
        if (infrared >= 1) {
            return infraredLuma;
        }
        for (int i = 0; i < scratch.length; i++) {
            scratch[i] = (byte) Math.round((1 - infrared) * (backgroundLuma[i] & 0xff) + infrared * (infraredLuma[i] & 0xff));
        }
        return scratch;
    }

    public List<Sprite> sprites() {
        return sprites;
    }

    /** Writes a grey picture, for looking at what the evaluation feeds the detectors. */
    public static void writePng(String file, byte[] grey, int w, int h) {
        Mat mat = new Mat(h, w, CvType.CV_8UC1);
        mat.put(0, 0, grey);
        org.opencv.imgcodecs.Imgcodecs.imwrite(file, mat);
        mat.release();
    }
}
