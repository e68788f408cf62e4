package org.vigil.core.store;

import java.util.Locale;

/** What a recorded file is. */
public enum FileKind {
    SNAPSHOT, MOVIE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
