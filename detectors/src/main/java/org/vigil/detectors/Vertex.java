package org.vigil.detectors;

/** A polygon corner in full-frame pixel coordinates. */
public record Vertex(int x, int y) {
}
