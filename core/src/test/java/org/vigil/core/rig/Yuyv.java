package org.vigil.core.rig;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** Byte-level looks at packed YUYV pictures, written independently of the code under test. */
final class Yuyv {
    private Yuyv() {
    }

    /** Bytes that differ between two packed YUYV pictures outside the rectangles {x, y, width, height}. */
    static int differencesOutside(byte[] a, byte[] b, int width, int height, List<int[]> regions) {
        int differences = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (inside(x, y, regions)) {
                    continue;
                }
                int at = (y * width + x) * 2;
                if (a[at] != b[at] || a[at + 1] != b[at + 1]) {
                    differences++;
                }
            }
        }
        return differences;
    }

    /** Pixels in the rectangle, outside the other regions, that are not the annotator's black (Y 16, chroma 128). */
    static int notBlack(byte[] yuyv, int width, int[] area, List<int[]> except) {
        int count = 0;
        for (int y = area[1]; y < area[1] + area[3]; y++) {
            for (int x = area[0]; x < area[0] + area[2]; x++) {
                int at = (y * width + x) * 2;
                if (!inside(x, y, except) && ((yuyv[at] & 0xff) != 16 || (yuyv[at + 1] & 0xff) != 128)) {
                    count++;
                }
            }
        }
        return count;
    }

    static boolean inside(int x, int y, List<int[]> regions) {
        for (int[] r : regions) {
            if (x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3]) {
                return true;
            }
        }
        return false;
    }

    /** Pixel pairs in the annotator's red (BT.601 Y 81, U 90, V 240, give or take a little). */
    static int redPixels(byte[] yuyv, int width, int height) {
        int red = 0;
        for (int at = 0; at + 3 < width * height * 2; at += 4) {
            int y0 = yuyv[at] & 0xff;
            int u = yuyv[at + 1] & 0xff;
            int v = yuyv[at + 3] & 0xff;
            if (Math.abs(y0 - 81) <= 4 && Math.abs(u - 90) <= 4 && Math.abs(v - 240) <= 4) {
                red++;
            }
        }
        return red;
    }

    static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
