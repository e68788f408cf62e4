package org.vigil.detectors.analysis;

import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;

/**
 * The last few box-less detections, handed out again when a frame measures exactly the same: a still scene's
 * figures wander among a handful of values (a speck that survives despeckling, the noise level's last digit),
 * and a frame that repeats one of them then costs no allocation. Detections are immutable, so sharing is safe.
 */
final class QuietDetections {

    private static final int SIZE = 8;

    private final Detection[] recent = new Detection[SIZE];
    private int next;

    Detection of(DetectionState state, double fraction, long changedPixels, double noiseLevel) {
        for (Detection d : recent) {
            if (d != null && d.state() == state && d.changedPixels() == changedPixels
                    && d.changedFraction() == fraction && d.noiseLevel() == noiseLevel) {
                return d;
            }
        }
        Detection d = Detection.without(state, fraction, changedPixels, noiseLevel);
        recent[next] = d;
        next = (next + 1) % SIZE;
        return d;
    }

    void clear() {
        java.util.Arrays.fill(recent, null);
    }
}
