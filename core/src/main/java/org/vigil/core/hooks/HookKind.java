package org.vigil.core.hooks;

import java.util.Locale;

/** The moments a hook can be run at, by their config key. */
public enum HookKind {
    ON_EVENT_START("An event began: %v, %t, the event's start time."),
    ON_EVENT_END("An event ended: as on-event-start, with VIGIL_END_REASON."),
    ON_SNAPSHOT("An event's snapshot was written: %f is its file."),
    ON_MOVIE_END("A movie was finished: %f is its file."),
    ON_CAMERA_LOST("A camera vanished, stalled or failed: VIGIL_REASON says why."),
    ON_CAMERA_FOUND("A lost camera streams again.");

    private final String doc;

    HookKind(String doc) {
        this.doc = doc;
    }

    /** The config key: on-event-start, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String doc() {
        return doc;
    }
}
