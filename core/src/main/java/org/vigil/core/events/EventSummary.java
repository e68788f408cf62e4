package org.vigil.core.events;

import org.vigil.detectors.Box;

import java.util.List;
import java.util.Optional;

/**
 * What an event saw so far: its first and last motion (monotonic nanoseconds), its peak changed fraction, the box
 * around every moving region it saw, how many detections had motion, and the zones that fired (in the order they
 * first fired).
 */
public record EventSummary(long firstMotionNanos, long lastMotionNanos, double peakChangedFraction,
                           long peakNanos, Optional<Box> unionBox, int motionFrames, List<String> zones) {
    public EventSummary {
        zones = List.copyOf(zones);
    }
}
