package org.vigil.core.events;

/** What one step of an {@link EventTracker} changed; the tracker's only output. */
public sealed interface EventChange {
    /** An event began: motion frames enough in a row. The movie starts pre-capture seconds before firstMotionNanos. */
    record Started(EventSummary summary) implements EventChange {
    }

    /** A motion detection inside the running event: a new peak, a bigger box, or another zone. */
    record Motion(EventSummary summary, boolean newPeak) implements EventChange {
    }

    /** The movie reached max-event-length: it ends at atNanos and the next one of the same event begins there. */
    record NextMovie(long atNanos) implements EventChange {
    }

    /** The event ended, at endNanos (for a gap: the last motion plus the gap). */
    record Ended(EventSummary summary, EndReason reason, long endNanos) implements EventChange {
    }
}
