package org.vigil.detectors;

import java.util.List;
import java.util.Objects;

/**
 * A named part of the frame with its own threshold: the zone fires when at least {@code threshold} of its watched
 * area changed, and a fired zone makes the frame a motion frame even below the detector's global threshold.
 *
 * @param polygon corners in full-frame pixel coordinates, at least three
 * @param threshold fraction (0..1] of the zone's watched area that must change
 */
public record Zone(String name, List<Vertex> polygon, double threshold) {

    public Zone {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new DetectorSetupException("a zone needs a name: the detection reports fired zones by name");
        }
        polygon = List.copyOf(polygon);
        if (polygon.size() < 3) {
            throw new DetectorSetupException("zone '" + name + "' has " + polygon.size() + " corners: a zone polygon needs at least three");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new DetectorSetupException("zone '" + name + "' threshold " + threshold
                    + " is out of range: use the fraction (0, 1] of the zone's area that must change");
        }
    }

    /** Fails unless every corner lies inside a frame of this size. */
    public void checkInside(int frameWidth, int frameHeight) {
        for (Vertex v : polygon) {
            if (v.x() < 0 || v.y() < 0 || v.x() > frameWidth || v.y() > frameHeight) {
                throw new DetectorSetupException("zone '" + name + "': corner (" + v.x() + ", " + v.y() + ") lies outside the "
                        + frameWidth + "x" + frameHeight + " frame: zone corners are full-frame pixel coordinates");
            }
        }
    }
}
