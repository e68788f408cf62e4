package org.vigil.core.rig;

import java.nio.charset.StandardCharsets;

/** Mask files for the tests, written as binary PGM: white watched, black ignored (or blanked, for a privacy mask). */
final class Pgm {
    private Pgm() {
    }

    /** A white picture of width x height with a black rectangle. */
    static byte[] blackRectangle(int width, int height, int x, int y, int w, int h) {
        byte[] header = ("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        byte[] pgm = new byte[header.length + width * height];
        System.arraycopy(header, 0, pgm, 0, header.length);
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                boolean black = col >= x && col < x + w && row >= y && row < y + h;
                pgm[header.length + row * width + col] = (byte) (black ? 0 : 255);
            }
        }
        return pgm;
    }
}
