package org.vigil.core.record;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the system's ffmpeg, which encodes movies (Debian: apt install ffmpeg). */
public final class FfmpegProgram {
    private FfmpegProgram() {
    }

    /** The ffmpeg on PATH, or empty. */
    public static Optional<String> find() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
