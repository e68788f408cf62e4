package org.vigil.core.events;

import org.junit.jupiter.api.Test;
import org.vigil.detectors.Box;
import org.vigil.detectors.Centroid;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTrackerTest {
    private static final long S = 1_000_000_000L;
    private final List<EventChange> changes = new ArrayList<>();

    private static Detection motion(double fraction, Box box, String... zones) {
        return new Detection(DetectionState.MOTION, fraction, 100, List.of(box), Optional.of(new Centroid(1, 1)), 1,
                List.of(zones));
    }

    private static Detection quiet() {
        return Detection.without(DetectionState.QUIET, 0, 0, 1);
    }

    private static EventRules rules(int frames, long gapSeconds, long movieSeconds, String... zones) {
        return new EventRules(frames, gapSeconds * S, movieSeconds * S, Set.of(zones));
    }

    @Test
    void anEventStartsAfterTheMotionFramesInARowAndEndsAGapAfterTheLastMotion() {
        EventTracker tracker = new EventTracker(rules(3, 30, 600));
        Box box = new Box(10, 10, 20, 20);
        tracker.detection(motion(0.1, box), 0, changes::add);
        tracker.detection(motion(0.1, box), S / 5, changes::add);
        tracker.detection(quiet(), 2 * S / 5, changes::add); // the run is broken
        tracker.detection(motion(0.1, box), 3 * S / 5, changes::add);
        tracker.detection(motion(0.2, box), 4 * S / 5, changes::add);
        assertTrue(changes.isEmpty(), "two in a row are not three: " + changes);
        tracker.detection(motion(0.3, new Box(100, 50, 10, 10)), S, changes::add);
        EventChange.Started started = assertInstanceOf(EventChange.Started.class, changes.get(0));
        assertEquals(3 * S / 5, started.summary().firstMotionNanos(), "the event starts at the run's first frame");
        tracker.detection(motion(0.05, box), 2 * S, changes::add);
        tracker.detection(quiet(), 31 * S, changes::add);
        assertTrue(tracker.inEvent(), "29 s after the last motion the event goes on");
        tracker.tick(32 * S, changes::add);
        EventChange.Ended ended = assertInstanceOf(EventChange.Ended.class, changes.get(changes.size() - 1));
        assertEquals(EndReason.GAP, ended.reason());
        assertEquals(32 * S, ended.endNanos(), "the last motion plus the gap");
        assertEquals(0.3, ended.summary().peakChangedFraction());
        assertEquals(S, ended.summary().peakNanos());
        assertEquals(Optional.of(new Box(10, 10, 100, 50)), ended.summary().unionBox());
        assertEquals(4, ended.summary().motionFrames());
        assertTrue(!tracker.inEvent());
    }

    @Test
    void lightingAndCalibratingNeitherStartNorExtendAnEvent() {
        EventTracker tracker = new EventTracker(rules(1, 10, 600));
        Detection lighting = Detection.without(DetectionState.LIGHTING, 0.9, 1000, 1);
        Detection calibrating = Detection.without(DetectionState.CALIBRATING, 0.5, 1000, 1);
        for (int i = 0; i < 20; i++) {
            tracker.detection(i % 2 == 0 ? lighting : calibrating, i * S, changes::add);
        }
        assertTrue(changes.isEmpty(), "no event from lighting: " + changes);
        tracker.detection(motion(0.1, new Box(0, 0, 4, 4)), 20 * S, changes::add);
        for (int i = 21; i < 31; i++) {
            tracker.detection(lighting, i * S, changes::add);
        }
        EventChange.Ended ended = assertInstanceOf(EventChange.Ended.class, changes.get(changes.size() - 1));
        assertEquals(30 * S, ended.endNanos(), "lighting did not extend it");
    }

    @Test
    void onlyTheConfiguredZonesCountAndTheEventRecordsWhichFired() {
        EventTracker tracker = new EventTracker(rules(1, 5, 600, "door", "gate"));
        Box box = new Box(0, 0, 4, 4);
        tracker.detection(motion(0.5, box, "street"), 0, changes::add);
        tracker.detection(motion(0.5, box), S, changes::add);
        assertTrue(changes.isEmpty(), "motion outside the zones: " + changes);
        tracker.detection(motion(0.1, box, "gate", "street"), 2 * S, changes::add);
        tracker.detection(motion(0.1, box, "door"), 3 * S, changes::add);
        tracker.end(EndReason.STOP, 4 * S, changes::add);
        EventChange.Ended ended = assertInstanceOf(EventChange.Ended.class, changes.get(changes.size() - 1));
        assertEquals(List.of("gate", "door"), ended.summary().zones());
        assertEquals(EndReason.STOP, ended.reason());
        assertEquals(4 * S, ended.endNanos());
    }

    @Test
    void aLongEventGoesOnInANewMovieEveryMaxEventLength() {
        EventTracker tracker = new EventTracker(rules(1, 30, 60));
        Box box = new Box(0, 0, 4, 4);
        for (long t = 0; t <= 150; t += 5) {
            tracker.detection(motion(0.1, box), t * S, changes::add);
        }
        List<Long> splits = changes.stream().filter(EventChange.NextMovie.class::isInstance)
                .map(c -> ((EventChange.NextMovie) c).atNanos()).toList();
        assertEquals(List.of(60 * S, 120 * S), splits);
        assertEquals(1, changes.stream().filter(EventChange.Started.class::isInstance).count(), "one event");
        assertTrue(tracker.inEvent());
    }

    @Test
    void endingWithoutAnEventDoesNothing() {
        EventTracker tracker = new EventTracker(rules(2, 30, 600));
        tracker.detection(motion(0.1, new Box(0, 0, 1, 1)), 0, changes::add);
        tracker.end(EndReason.CAMERA_LOST, S, changes::add);
        tracker.detection(motion(0.1, new Box(0, 0, 1, 1)), 2 * S, changes::add);
        assertTrue(changes.isEmpty(), "the run of motion frames starts again after a loss: " + changes);
    }
}
