package org.vigil.core.bench;

import java.nio.ByteBuffer;

/**
 * A frame number written into the picture's luma as a row of small blocks in the top right corner, so that a reader
 * of the output pipe knows which camera frame it got, whatever the program in between did to the picture (Motion
 * converts to YU12, vigil draws in YUYV; both leave luma there alone). The bits differ from the black patch they sit
 * on by 6 grey levels: below what either detector calls a change (vigil's min-difference is 8, Motion's noise level
 * far above), so the number adds no motion and no box is ever drawn across it; both programs copy luma exactly, so
 * it reads back exactly. The patch has a margin all round, so no walker's box reaches it either. Two guard blocks
 * (set, clear), then 16 bits, most significant first.
 */
final class FrameNumbers {
    static final int BLOCK = 4;
    private static final int BITS = 16;
    private static final int MARGIN = 8;
    private static final int SET = 22;
    private static final int BLACK = 16;

    private FrameNumbers() {
    }

    /** Writes {@code number} (modulo 2^16) into a packed YUYV picture. */
    static void stampYuyv(ByteBuffer picture, int width, int number) {
        int left = width - MARGIN - (BITS + 2) * BLOCK;
        for (int y = 0; y < 2 * MARGIN + BLOCK; y++) {
            for (int x = left - MARGIN; x < width; x++) {
                picture.put(2 * (y * width + x), (byte) BLACK);
                picture.put(2 * (y * width + x) + 1, (byte) 128);
            }
        }
        for (int block = 0; block < BITS + 2; block++) {
            boolean set = block == 0 || block >= 2 && (number >> (BITS - 1 - (block - 2)) & 1) == 1;
            for (int y = MARGIN; y < MARGIN + BLOCK; y++) {
                for (int x = left + block * BLOCK; x < left + (block + 1) * BLOCK; x++) {
                    int at = 2 * (y * width + x);
                    picture.put(at, (byte) (set ? SET : BLACK));
                    picture.put(at + 1, (byte) 128);
                }
            }
        }
    }

    /**
     * Reads the number back from a picture whose luma sample at (x, y) is at {@code y * rowBytes + x * step}; -1 when
     * the guard blocks are not there (a picture that is not one of the feed's).
     */
    static int read(ByteBuffer picture, int width, int rowBytes, int step) {
        int left = width - MARGIN - (BITS + 2) * BLOCK;
        int y = MARGIN + BLOCK / 2;
        if (!isSet(picture, rowBytes, step, left + BLOCK / 2, y) || isSet(picture, rowBytes, step, left + BLOCK + BLOCK / 2, y)) {
            return -1;
        }
        int number = 0;
        for (int bit = 0; bit < BITS; bit++) {
            number = number << 1 | (isSet(picture, rowBytes, step, left + (bit + 2) * BLOCK + BLOCK / 2, y) ? 1 : 0);
        }
        return number;
    }

    private static boolean isSet(ByteBuffer picture, int rowBytes, int step, int x, int y) {
        return (picture.get(y * rowBytes + x * step) & 0xff) > (SET + BLACK) / 2;
    }
}
