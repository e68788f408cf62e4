package org.vigil.core.store;

import org.vigil.detectors.Box;

import java.util.List;
import java.util.Optional;

/** What an event's row says of its motion, written as the event goes on and when it ends. */
public record EventFacts(double peakChanged, Optional<Box> box, int motionFrames, List<String> zones,
                         long framesDropped) {
    public EventFacts {
        zones = List.copyOf(zones);
    }
}
