package org.vigil.core.bench;

import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.abi.V4l2Constants;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The pictures a memory camera shows, in YUYV: a textured background with sensor noise (eight noise patterns, so
 * that no two frames in a row are alike), and a dark figure a tenth of the frame wide walking across it. Each picture
 * is a direct buffer of its own, as a driver's would be (so at most 32 in a scene); cameras of the same size share
 * them (they only read).
 *
 * @param order the pictures' indices in the order frames show them, repeated
 */
public record BenchScene(String name, PixFormat format, List<ByteBuffer> pictures, int[] order) {
    private static final int NOISE_PATTERNS = 8;
    private static final double NOISE_SIGMA = 2;

    /** The empty scene: noise only, which the detector must call quiet. */
    public static BenchScene still(int width, int height) {
        List<ByteBuffer> pictures = stills(width, height);
        return new BenchScene("still", yuyv(width, height), pictures, IntStream.range(0, pictures.size()).toArray());
    }

    /** A figure crossing the frame over and over: motion in every frame. */
    public static BenchScene walker(int width, int height, int steps) {
        List<ByteBuffer> stills = stills(width, height);
        List<ByteBuffer> pictures = walkers(width, height, steps, stills);
        return new BenchScene("walker", yuyv(width, height), pictures, IntStream.range(0, steps).toArray());
    }

    /**
     * Events that open and close: {@code stillFrames} of the empty scene, then the figure crossing in
     * {@code walkFrames} (each of its {@code steps} positions held for an equal share), over and over.
     */
    public static BenchScene comingAndGoing(int width, int height, int stillFrames, int walkFrames, int steps) {
        List<ByteBuffer> pictures = new ArrayList<>(stills(width, height));
        pictures.addAll(walkers(width, height, steps, pictures));
        int[] order = new int[stillFrames + walkFrames];
        for (int i = 0; i < stillFrames; i++) {
            order[i] = i % NOISE_PATTERNS;
        }
        for (int i = 0; i < walkFrames; i++) {
            order[stillFrames + i] = NOISE_PATTERNS + (int) ((long) i * steps / walkFrames);
        }
        return new BenchScene("coming-and-going", yuyv(width, height), pictures, order);
    }

    public static PixFormat yuyv(int width, int height) {
        return new PixFormat(width, height, FourCC.YUYV, V4l2Constants.FIELD_NONE, 2 * width, 2 * width * height, 0);
    }

    private static List<ByteBuffer> stills(int width, int height) {
        byte[] background = background(width, height);
        SplittableRandom random = new SplittableRandom(42);
        List<ByteBuffer> pictures = new ArrayList<>(NOISE_PATTERNS);
        for (int p = 0; p < NOISE_PATTERNS; p++) {
            byte[] frame = background.clone();
            for (int i = 0; i < frame.length; i += 2) {
                frame[i] = clamp((frame[i] & 0xff) + random.nextGaussian() * NOISE_SIGMA);
            }
            pictures.add(direct(frame));
        }
        return pictures;
    }

    /** The figure at {@code steps} positions from left to right, each on one of the noisy stills. */
    private static List<ByteBuffer> walkers(int width, int height, int steps, List<ByteBuffer> stills) {
        int figureWidth = width / 10 & ~1;
        int figureHeight = height / 3;
        int top = height / 2 - figureHeight / 2;
        List<ByteBuffer> pictures = new ArrayList<>(steps);
        for (int s = 0; s < steps; s++) {
            ByteBuffer still = stills.get(s % stills.size());
            byte[] frame = new byte[still.capacity()];
            still.duplicate().get(frame);
            int left = (int) ((long) s * (width - figureWidth) / Math.max(1, steps - 1)) & ~1;
            for (int y = top; y < top + figureHeight; y++) {
                for (int x = left; x < left + figureWidth; x++) {
                    frame[2 * (y * width + x)] = (byte) (30 + (x + y) % 7);
                }
            }
            pictures.add(direct(frame));
        }
        return pictures;
    }

    /** Luma of a lit wall and floor: a gradient with a coarse texture; neutral chroma. */
    private static byte[] background(int width, int height) {
        byte[] frame = new byte[2 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double luma = 70 + 90.0 * x / width + 25 * Math.sin(x / 23.0) * Math.cos(y / 17.0) + (y > height * 2 / 3 ? 30 : 0);
                int at = 2 * (y * width + x);
                frame[at] = clamp(luma);
                frame[at + 1] = (byte) 128;
            }
        }
        return frame;
    }

    private static byte clamp(double value) {
        return (byte) Math.max(16, Math.min(235, (int) Math.round(value)));
    }

    private static ByteBuffer direct(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
        buffer.put(bytes).flip();
        return buffer;
    }
}
