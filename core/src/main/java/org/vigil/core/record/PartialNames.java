package org.vigil.core.record;

import java.nio.file.Path;

/**
 * The names of a file on its way: NAME.EXT.part while it is written (NAME.part.avi for OpenCV's AVI writer, which
 * takes only names ending in .avi), NAME.EXT when complete, NAME-partial.EXT when it was cut short.
 */
public final class PartialNames {
    private PartialNames() {
    }

    public static Path partial(Path finalName) {
        String name = finalName.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String partial = dot < 0 ? name + "-partial" : name.substring(0, dot) + "-partial" + name.substring(dot);
        return finalName.resolveSibling(partial);
    }

    /** The name a file is written under until it is complete. */
    public static Path part(Path finalName) {
        String name = finalName.getFileName().toString();
        return finalName.resolveSibling(name.endsWith(".avi") ? name.substring(0, name.length() - 4) + ".part.avi"
                : name + ".part");
    }

    /** The final name a {@link #part} file was written for. */
    public static Path unpart(Path part) {
        String name = part.getFileName().toString();
        if (name.endsWith(".part")) {
            return part.resolveSibling(name.substring(0, name.length() - ".part".length()));
        }
        if (name.endsWith(".part.avi")) {
            return part.resolveSibling(name.substring(0, name.length() - ".part.avi".length()) + ".avi");
        }
        return part;
    }
}
