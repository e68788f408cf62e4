package org.vigil.core.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a schedule gates; each kind gates its own thing and nothing else. */
public enum ScheduleKind {
    /** Continuous recording while a window is open, in movie segments: a recording row per window. */
    RECORD(true, false),
    /** Events are armed only while a window is open; outside, no events, and the feed says "disarmed". */
    DETECT(true, false),
    /** A snapshot every {@code every}, inside the window when there is one. */
    SNAPSHOT(false, true),
    /** A frame every {@code every}, inside the window when there is one, assembled into one movie a day. */
    TIMELAPSE(false, true);

    private final boolean needsWindow;
    private final boolean needsInterval;

    ScheduleKind(boolean needsWindow, boolean needsInterval) {
        this.needsWindow = needsWindow;
        this.needsInterval = needsInterval;
    }

    /** The name in the config and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean needsWindow() {
        return needsWindow;
    }

    public boolean needsInterval() {
        return needsInterval;
    }

    public static Optional<ScheduleKind> byKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key().equals(key.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(ScheduleKind::key).toList());
    }
}
