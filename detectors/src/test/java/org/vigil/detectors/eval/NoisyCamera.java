package org.vigil.detectors.eval;

import java.util.SplittableRandom;

/**
 * Turns a clean scene into what a sensor delivers: scene × gain + offset + Gaussian noise, clipped to 8 bits.
 * Noise comes from a bank of pre-drawn frames read at a random offset each frame: fast, and the same seed always
 * gives the same frames.
 */
final class NoisyCamera {

    private static final int BANK_FRAMES = 8;

    private final float[][] bank;
    private final double sigma;
    private final SplittableRandom random;

    NoisyCamera(int pixels, double sigma, long seed) {
        this.sigma = sigma;
        this.random = new SplittableRandom(seed);
        bank = new float[BANK_FRAMES][pixels];
        SplittableRandom draw = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (float[] frame : bank) {
            for (int i = 0; i < pixels; i++) {
                frame[i] = (float) gaussian(draw);
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    SplittableRandom random() {
        return random;
    }

    void expose(byte[] scene, double gain, double offset, byte[] out) {
        float[] noise = bank[random.nextInt(BANK_FRAMES)];
        int shift = random.nextInt(noise.length);
        float g = (float) gain;
        float o = (float) offset + 0.5f; // + 0.5 then truncation rounds the non-negative values that survive
        float s = (float) sigma;
        int n = scene.length;
        for (int i = 0; i < n; i++) {
            int k = i + shift;
            if (k >= n) {
                k -= n;
            }
            float value = (scene[i] & 0xff) * g + o + s * noise[k];
            out[i] = (byte) (value < 0 ? 0 : value >= 255 ? 255 : (int) value);
        }
    }
}
