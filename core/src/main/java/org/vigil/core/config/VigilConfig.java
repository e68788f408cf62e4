package org.vigil.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The whole configuration: where it was read from, the daemon's own settings, and the cameras in file order.
 */
public record VigilConfig(Path file, Duration statusInterval, Map<String, CameraConfig> cameras) {

    public VigilConfig {
        cameras = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cameras));
    }
}
