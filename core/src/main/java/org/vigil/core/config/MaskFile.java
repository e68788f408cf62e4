package org.vigil.core.config;

import java.nio.file.Path;
import java.util.Optional;

/** A mask's PGM file, or none ("none"). A relative path is taken from the config file's directory. */
public record MaskFile(Optional<Path> path) {
    public static final MaskFile NONE = new MaskFile(Optional.empty());

    public static MaskFile parse(String text) {
        String value = text.strip();
        if (value.isEmpty() || value.equalsIgnoreCase("none")) {
            return NONE;
        }
        return new MaskFile(Optional.of(Path.of(value)));
    }

    @Override
    public String toString() {
        return path.map(Path::toString).orElse("none");
    }
}
