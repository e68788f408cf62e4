package org.vigil.detectors.analysis;

import java.util.Arrays;

/**
 * Walks two masks of the same length to the places where they differ. {@link Arrays#mismatch} skips the equal runs
 * in vector steps, so a walk over masks that are mostly the same (a changed-pixel mask against an empty one, or
 * against the frame before) costs little more than the pixels it stops at.
 */
final class MaskScan {

    private MaskScan() {
    }

    /** The first index at or after {@code from} where the masks differ, or -1 when they agree from there on. */
    static int nextDifference(byte[] a, byte[] b, int from) {
        int n = a.length;
        if (from >= n) {
            return -1;
        }
        int k = Arrays.mismatch(a, from, n, b, from, n);
        return k < 0 ? -1 : from + k;
    }
}
