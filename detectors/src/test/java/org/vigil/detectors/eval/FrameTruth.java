package org.vigil.detectors.eval;

import java.util.Optional;

import org.vigil.detectors.Box;

/**
 * What really happened in one evaluation frame.
 *
 * @param motion          an object moves in view
 * @param box             its true box, when known (composited scenes)
 * @param lightingChange  the lighting changed at this frame (a step or a switch), to time the recalibration
 */
public record FrameTruth(boolean motion, Optional<Box> box, boolean lightingChange) {

    public static final FrameTruth STILL = new FrameTruth(false, Optional.empty(), false);
    public static final FrameTruth LIGHTING_CHANGE = new FrameTruth(false, Optional.empty(), true);
    public static final FrameTruth UNBOXED_MOTION = new FrameTruth(true, Optional.empty(), false);

    public static FrameTruth movingIn(Box box) {
        return new FrameTruth(true, Optional.of(box), false);
    }
}
