package org.vigil.core.config;

import org.vigil.core.events.EventRules;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.options.OptionValues;
import org.vigil.options.TextType;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a camera's motion becomes events, snapshots and movies (a camera's {@code events:} section). Durations are in
 * seconds, never frames.
 */
public record EventOptions(int minimumMotionFrames, double eventGap, double maxEventLength, Set<String> zones,
                           SnapshotChoice snapshot, boolean snapshotAnnotated, boolean movie,
                           double preCapture, double postCapture, long preCaptureMemory) {

    /** Which frame of an event its snapshot shows. */
    public enum SnapshotChoice { BEST, FIRST, OFF }

    public static final OptionSpec<Long> MINIMUM_MOTION_FRAMES = OptionSpec.integer("minimum-motion-frames", 1, 1, 1000,
            "Motion detections in a row that start an event; more ignore a bird flying through.");
    public static final OptionSpec<Double> EVENT_GAP = OptionSpec.decimal("event-gap", 30, 1, 86_400,
            "Seconds without motion that end an event; motion within them belongs to the same event.");
    public static final OptionSpec<Double> MAX_EVENT_LENGTH = OptionSpec.decimal("max-event-length", 600, 10, 86_400,
            "Seconds after which an event's movie ends and the next movie of the same event begins.");
    public static final OptionSpec<Set<String>> ZONES = OptionSpec.of("zones",
            TextType.of(zoneSetClass(), EventOptions::parseZones, EventOptions::formatZones, "all | NAME, NAME, ..."),
            Set.of(), "Zones (of the camera's zones: list) whose motion makes events; all counts motion anywhere.");
    public static final OptionSpec<SnapshotChoice> SNAPSHOT = OptionSpec.choice("snapshot", SnapshotChoice.class,
            SnapshotChoice.BEST, "A JPEG per event: the frame with the largest changed area (best), the first motion "
                    + "frame (first), or none (off).");
    public static final OptionSpec<Boolean> SNAPSHOT_ANNOTATED = OptionSpec.flag("snapshot-annotated", true,
            "Draw the boxes and text of the live feed on the snapshot.");
    public static final OptionSpec<Boolean> MOVIE = OptionSpec.flag("movie", true,
            "Record a movie per event of the camera's own picture (recordings are evidence: no drawing on them): "
                    + "H.264 in fragmented MP4 through ffmpeg, an MJPEG camera's frames as they are in Matroska.");
    public static final OptionSpec<Double> PRE_CAPTURE = OptionSpec.decimal("pre-capture", 2, 0, 60,
            "Seconds of video before the event's first motion that its movie begins with.");
    public static final OptionSpec<Double> POST_CAPTURE = OptionSpec.decimal("post-capture", 5, 0, 600,
            "Seconds of video after the event's last motion that its movie ends with.");
    public static final OptionSpec<Long> PRE_CAPTURE_MEMORY = OptionSpec.integer("pre-capture-memory", 64, 4, 4096,
            "Megabytes a camera keeps frames in for pre-capture and for the recorder's queue; when pre-capture does "
                    + "not fit at the full rate, it is kept at a lower one.");

    public static final OptionTable TABLE = OptionTable.of(MINIMUM_MOTION_FRAMES, EVENT_GAP, MAX_EVENT_LENGTH, ZONES,
            SNAPSHOT, SNAPSHOT_ANNOTATED, MOVIE, PRE_CAPTURE, POST_CAPTURE, PRE_CAPTURE_MEMORY);

    public EventOptions {
        zones = Set.copyOf(zones);
    }

    public static EventOptions from(OptionValues values) {
        return new EventOptions(values.integer(MINIMUM_MOTION_FRAMES.name()), values.decimal(EVENT_GAP.name()),
                values.decimal(MAX_EVENT_LENGTH.name()), values.value(ZONES), values.value(SNAPSHOT),
                values.flag(SNAPSHOT_ANNOTATED.name()), values.flag(MOVIE.name()),
                values.decimal(PRE_CAPTURE.name()), values.decimal(POST_CAPTURE.name()),
                values.integer(PRE_CAPTURE_MEMORY.name()) * 1024 * 1024);
    }

    public static EventOptions defaults() {
        return from(TABLE.defaults());
    }

    /** The tracker's rules, durations in nanoseconds. */
    public EventRules rules() {
        return new EventRules(minimumMotionFrames, nanos(eventGap), nanos(maxEventLength), zones);
    }

    public long preCaptureNanos() {
        return nanos(preCapture);
    }

    public long postCaptureNanos() {
        return nanos(postCapture);
    }

    /** Whether anything is kept of an event besides its row. */
    public boolean recordsFrames() {
        return movie || snapshot != SnapshotChoice.OFF;
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    @SuppressWarnings("unchecked")
    private static Class<Set<String>> zoneSetClass() {
        return (Class<Set<String>>) (Class<?>) Set.class;
    }

    private static Set<String> parseZones(String text) {
        if (text.isBlank() || text.strip().equals("all")) {
            return Set.of();
        }
        List<String> names = Arrays.stream(text.split(",")).map(String::strip).toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("'" + text + "' has an empty zone name: write NAME, NAME, ... or all");
        }
        return new LinkedHashSet<>(names);
    }

    private static String formatZones(Set<String> zones) {
        return zones.isEmpty() ? "all" : String.join(", ", zones);
    }
}
