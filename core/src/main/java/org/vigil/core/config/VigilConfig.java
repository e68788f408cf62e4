package org.vigil.core.config;

import org.vigil.core.retention.RetentionPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The whole configuration: where it was read from, the daemon's own settings, and the cameras in file order.
 *
 * @param targetDir where snapshots and movies go (absolute: resolved against the config file's directory)
 * @param database  the event database (absolute: resolved against targetDir)
 * @param ffmpeg    auto, none, or the ffmpeg program to encode movies with
 */
public record VigilConfig(Path file, Duration statusInterval, Map<String, CameraConfig> cameras, Path targetDir,
                          Path database, String ffmpeg, HookCommands hooks, RetentionPolicy retention) {

    public VigilConfig {
        cameras = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cameras));
    }
}
