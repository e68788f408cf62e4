package org.vigil.core.events;

import org.vigil.detectors.Box;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One camera's motion turned into events: a pure state machine over detections and the frames' monotonic time, with
 * no clock, thread or I/O of its own.
 * <pre>
 *   idle ──(minimum-motion-frames MOTION detections in a row)──► in event ──(event-gap without motion)──► idle
 *                                                                   │ every max-event-length: NextMovie
 *                                                                   └─(stop, camera lost, disk full)──► idle
 * </pre>
 * LIGHTING and CALIBRATING detections, and motion outside the configured zones, neither start nor extend an event;
 * they break a run of motion frames as a quiet one does.
 */
public final class EventTracker {
    private final EventRules rules;
    private int streak;
    private boolean active;
    private long firstMotion;
    private long lastMotion;
    private long movieStart;
    private double peak;
    private long peakNanos;
    private Box union;
    private int motionFrames;
    private final Set<String> zones = new LinkedHashSet<>();

    public EventTracker(EventRules rules) {
        this.rules = rules;
    }

    public boolean inEvent() {
        return active;
    }

    /** One detection, of the frame taken at {@code nanos} (monotonic, increasing). */
    public void detection(Detection detection, long nanos, Consumer<EventChange> out) {
        expire(nanos, out);
        if (!counts(detection)) {
            streak = 0;
            return;
        }
        if (!active) {
            if (streak == 0) {
                begin(nanos); // the run's frames count towards the event it may become
            }
            streak++;
            add(detection, nanos);
            if (streak < rules.minimumMotionFrames()) {
                return;
            }
            active = true;
            out.accept(new EventChange.Started(summary()));
            return;
        }
        boolean newPeak = add(detection, nanos);
        out.accept(new EventChange.Motion(summary(), newPeak));
    }

    /** Time passing without a detection (a detector slower than the gap, or a stalled one): the gap may run out. */
    public void tick(long nanos, Consumer<EventChange> out) {
        expire(nanos, out);
    }

    /** Ends a running event for a reason other than the gap (stop, camera lost, disk full), at {@code nanos}. */
    public void end(EndReason reason, long nanos, Consumer<EventChange> out) {
        streak = 0;
        if (active) {
            finish(reason, Math.max(nanos, lastMotion), out);
        }
    }

    private void expire(long nanos, Consumer<EventChange> out) {
        if (!active) {
            return;
        }
        if (nanos - lastMotion >= rules.gapNanos()) {
            finish(EndReason.GAP, lastMotion + rules.gapNanos(), out);
            return;
        }
        while (nanos - movieStart >= rules.maxMovieNanos()) {
            movieStart += rules.maxMovieNanos();
            out.accept(new EventChange.NextMovie(movieStart));
        }
    }

    private boolean counts(Detection detection) {
        if (detection.state() != DetectionState.MOTION) {
            return false;
        }
        if (rules.zones().isEmpty()) {
            return true;
        }
        for (String zone : detection.zonesFired()) {
            if (rules.zones().contains(zone)) {
                return true;
            }
        }
        return false;
    }

    private void begin(long firstNanos) {
        firstMotion = firstNanos;
        movieStart = firstNanos;
        peak = -1;
        union = null;
        motionFrames = 0;
        zones.clear();
    }

    private boolean add(Detection detection, long nanos) {
        lastMotion = nanos;
        motionFrames++;
        for (String zone : detection.zonesFired()) {
            if (rules.zones().isEmpty() || rules.zones().contains(zone)) {
                zones.add(zone);
            }
        }
        for (Box box : detection.boxes()) {
            union = union == null ? box : unionOf(union, box);
        }
        if (detection.changedFraction() > peak) {
            peak = detection.changedFraction();
            peakNanos = nanos;
            return true;
        }
        return false;
    }

    private void finish(EndReason reason, long endNanos, Consumer<EventChange> out) {
        EventSummary summary = summary();
        active = false;
        streak = 0;
        out.accept(new EventChange.Ended(summary, reason, endNanos));
    }

    private EventSummary summary() {
        List<String> fired = new ArrayList<>(zones);
        return new EventSummary(firstMotion, lastMotion, Math.max(0, peak), peakNanos, Optional.ofNullable(union),
                motionFrames, fired);
    }

    private static Box unionOf(Box a, Box b) {
        int left = Math.min(a.x(), b.x());
        int top = Math.min(a.y(), b.y());
        int right = Math.max(a.x() + a.width(), b.x() + b.width());
        int bottom = Math.max(a.y() + a.height(), b.y() + b.height());
        return new Box(left, top, right - left, bottom - top);
    }
}
