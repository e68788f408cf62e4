package org.vigil.core.pipeline;

import org.vigil.detectors.Detection;

/** Where a camera's detections go as they are made (its events); called on the detection thread, must not block. */
@FunctionalInterface
public interface DetectionListener {
    DetectionListener NONE = (detection, nanos) -> { };

    void detected(Detection detection, long frameNanos);
}
