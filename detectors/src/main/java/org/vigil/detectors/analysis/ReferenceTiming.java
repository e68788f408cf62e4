package org.vigil.detectors.analysis;

/**
 * How fast the reference frame follows the scene.
 *
 * @param adaptSeconds  time constant of the running average over still pixels
 * @param absorbSeconds how long a new still object stays "changed" before it becomes part of the reference
 */
public record ReferenceTiming(double adaptSeconds, double absorbSeconds) {

    public ReferenceTiming {
        if (!(adaptSeconds > 0) || !(absorbSeconds > 0)) {
            throw new IllegalArgumentException("reference times must be positive: " + adaptSeconds + ", " + absorbSeconds);
        }
    }
}
