package org.vigil.core.testing;

import org.vigil.core.config.ConfigException;
import org.vigil.core.config.ConfigLoader;
import org.vigil.core.config.VigilConfig;
import org.vigil.detectors.DetectorCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a config file and reads it the daemon's way, failing with every problem if it has any. */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    public static Path write(String yaml) throws IOException {
        Path file = Files.createTempFile("vigil-test", ".yml");
        Files.writeString(file, yaml);
        return file;
    }

    public static VigilConfig load(Path file, DetectorCatalog detectors) {
        try {
            return new ConfigLoader(detectors).load(file);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
