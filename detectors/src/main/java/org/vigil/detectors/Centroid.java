package org.vigil.detectors;

/** The centre of the changed pixels, in full-frame pixel coordinates. */
public record Centroid(double x, double y) {
}
