package org.vigil.detectors;

/** What a detector concluded about one frame. */
public enum DetectionState {
    /** The detector is still learning the scene (first frames, or after it was reset); no motion is reported. */
    CALIBRATING,
    /** Nothing changed beyond the thresholds. */
    QUIET,
    /** Something moved: the boxes say where. */
    MOTION,
    /**
     * Something changes but stays where it is (leaves and branches in wind, a flag, insects round a lamp): not worth an
     * event; the detection's tracks say where.
     */
    IN_PLACE,
    /** The whole scene changed brightness (a light switched, clouds, IR mode, gain jump); the detector re-baselined. */
    LIGHTING
}
