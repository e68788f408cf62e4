package org.vigil.core.events;

import java.util.Locale;

/** Why an event ended, as its row records it. */
public enum EndReason {
    /** No motion for the event gap. */
    GAP,
    /** The daemon stopped (or the camera was removed from the config). */
    STOP,
    /** The camera vanished, stalled or failed mid-event. */
    CAMERA_LOST,
    /** The target directory filled up: the recording stopped there. */
    DISK_FULL,
    /** The daemon died mid-event (a crash, kill -9, power loss), found at the next start. */
    INTERRUPTED;

    /** The word stored in the database and printed: gap, stop, camera-lost, disk-full, interrupted. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static EndReason ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
