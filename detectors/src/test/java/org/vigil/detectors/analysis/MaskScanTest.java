package org.vigil.detectors.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MaskScanTest {

    private static List<Integer> differences(byte[] a, byte[] b) {
        List<Integer> at = new ArrayList<>();
        for (int i = MaskScan.nextDifference(a, b, 0); i >= 0; i = MaskScan.nextDifference(a, b, i + 1)) {
            at.add(i);
        }
        return at;
    }

    @Test
    void visitsEveryPlaceTheMasksDifferIncludingBothEnds() {
        byte[] a = new byte[1000];
        byte[] b = new byte[1000];
        for (int i : new int[] {0, 1, 500, 998, 999}) {
            a[i] = (byte) 255;
        }
        b[700] = (byte) 255;
        assertEquals(List.of(0, 1, 500, 700, 998, 999), differences(a, b));
    }

    @Test
    void equalMasksHaveNoDifference() {
        assertEquals(List.of(), differences(new byte[64], new byte[64]));
        assertEquals(List.of(), differences(new byte[0], new byte[0]));
    }
}
