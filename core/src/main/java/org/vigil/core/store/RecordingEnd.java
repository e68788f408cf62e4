package org.vigil.core.store;

import java.util.Locale;

/** Why a scheduled recording ended, as its row says. */
public enum RecordingEnd {
    WINDOW_END, STOP, CAMERA_LOST, DISK_FULL, INTERRUPTED, SCHEDULE_REMOVED;

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
