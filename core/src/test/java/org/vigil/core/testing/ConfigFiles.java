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

    /**
     * A config file for a test of something other than events: unless the text sets them, files go to a directory of
     * their own and nothing is recorded (events get their rows only): an ffmpeg encoding, or frames copied for
     * recording, would share the emulated guest's two CPUs with what those tests time; and retention keeps no
     * minimum of free space.
     */
    public static Path write(String yaml) throws IOException {
        Path file = Files.createTempFile("vigil-test", ".yml");
        StringBuilder text = new StringBuilder();
        if (!yaml.matches("(?s)(.*\\n)?target-dir:.*")) {
            text.append("target-dir: ").append(Files.createTempDirectory("vigil-events")).append('\n');
        }
        if (!yaml.matches("(?s)(.*\\n)?events:.*")) {
            text.append("events:\n  movie: false\n  snapshot: off\n");
        }
        if (!yaml.matches("(?s)(.*\\n)?retention:.*")) {
            // the guest's /tmp has less free than the default min-free: retention would take the tests' files
            text.append("retention:\n  min-free: none\n");
        }
        Files.writeString(file, text.append(yaml).toString());
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
