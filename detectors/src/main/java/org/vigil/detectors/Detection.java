package org.vigil.detectors;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a detector saw in one frame: plain, immutable data. Drawing it is someone else's job.
 *
 * @param state          calibrating, quiet, motion or lighting
 * @param changedFraction changed pixels as a fraction (0..1) of the watched area (detection mask minus privacy mask)
 * @param changedPixels  changed pixels, in full-frame pixels (counted on the analysis image and scaled up)
 * @param boxes          the moving regions in full-frame coordinates, largest first; empty unless {@code state} is MOTION
 * @param centroid       centre of the changed pixels in full-frame coordinates, empty when nothing changed
 * @param noiseLevel     the scene's current noise level: mean absolute grey-level difference of unchanged pixels
 * @param zonesFired     names of the zones whose own threshold was passed, in configuration order
 * @param tracks         the changed regions followed across frames, travelling and in place; empty on quiet frames
 */
public record Detection(
        DetectionState state,
        double changedFraction,
        long changedPixels,
        List<Box> boxes,
        Optional<Centroid> centroid,
        double noiseLevel,
        List<String> zonesFired,
        List<TrackedRegion> tracks) {

    public Detection {
        Objects.requireNonNull(state, "state");
        boxes = List.copyOf(boxes);
        Objects.requireNonNull(centroid, "centroid");
        zonesFired = List.copyOf(zonesFired);
        tracks = List.copyOf(tracks);
    }

    /** A detection without tracked regions (a detector that does not follow them). */
    public Detection(DetectionState state, double changedFraction, long changedPixels, List<Box> boxes,
                     Optional<Centroid> centroid, double noiseLevel, List<String> zonesFired) {
        this(state, changedFraction, changedPixels, boxes, centroid, noiseLevel, zonesFired, List.of());
    }

    /** A frame without any change worth reporting. */
    public static Detection without(DetectionState state, double changedFraction, long changedPixels, double noiseLevel) {
        return new Detection(state, changedFraction, changedPixels, List.of(), Optional.empty(), noiseLevel, List.of(), List.of());
    }

    public boolean isMotion() {
        return state == DetectionState.MOTION;
    }
}
