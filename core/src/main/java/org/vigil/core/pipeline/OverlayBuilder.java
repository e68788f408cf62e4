package org.vigil.core.pipeline;

import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.vigil.core.config.AnnotationOptions;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Turns the latest detection and the clock into an {@link Overlay}. The capture thread asks every frame; a new overlay
 * is made only when the detection changed or the written time moved to the next second, so steady frames reuse one.
 */
final class OverlayBuilder {
    static final int FONT = Imgproc.FONT_HERSHEY_SIMPLEX;

    private final String camera;
    private final int frameWidth;
    private final int frameHeight;
    private final AnnotationOptions options;
    private final DateTimeFormatter timeFormat;
    private final double scale;
    private final int thickness;
    private final int padding;
    private Detection lastDetection;
    private boolean lastArmed = true;
    private long lastSecond = Long.MIN_VALUE;
    private Overlay current;
    private Overlay.Label top;
    private long topSecond = Long.MIN_VALUE;
    /** Bottom labels by arming, state and changed share, each made the first time it shows: a new detection allocates none. */
    private final Overlay.Label[] bottoms = new Overlay.Label[2 * STATES.length * SHARES];
    private List<Overlay.Label> labels = List.of();
    private Overlay.Label labelsTop;
    private Overlay.Label labelsBottom;
    private static final DetectionState[] STATES = DetectionState.values();
    /** The changed share in tenths of a percent, 0 to 1000, and one more slot for "not shown". */
    private static final int NOT_SHOWN = 1001;
    private static final int SHARES = NOT_SHOWN + 1;

    OverlayBuilder(String camera, int frameWidth, int frameHeight, AnnotationOptions options) {
        this.camera = camera;
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
        this.options = options;
        this.timeFormat = DateTimeFormatter.ofPattern(options.timeFormat(), Locale.ROOT).withZone(ZoneId.systemDefault());
        this.scale = Math.max(0.3, frameHeight / 480.0 * 0.55) * options.textScale();
        this.thickness = Math.max(1, (int) Math.round(scale * 1.6));
        this.padding = Math.max(2, (int) Math.round(scale * 8));
    }

    /** The overlay for this frame, with events armed. */
    Overlay current(Detection detection, long nowMillis) {
        return current(detection, nowMillis, true);
    }

    /**
     * The overlay for this frame: the one made before unless the detection, the second or the arming changed.
     * Disarmed (outside the camera's detection windows), the state label says so, with a grey mark. A new overlay
     * reuses the labels that stayed the same, so that a new detection costs one small record.
     */
    Overlay current(Detection detection, long nowMillis, boolean armed) {
        long second = Math.floorDiv(nowMillis, 1000);
        if (current != null && detection == lastDetection && armed == lastArmed
                && (second == lastSecond || !options.time())) {
            return current;
        }
        lastDetection = detection;
        lastSecond = second;
        lastArmed = armed;
        current = build(detection, second, armed);
        return current;
    }

    private Overlay build(Detection detection, long second, boolean armed) {
        Overlay.Label topLabel = topLabel(second);
        Overlay.Label bottomLabel = bottomLabel(detection, armed);
        if (topLabel != labelsTop || bottomLabel != labelsBottom) {
            labelsTop = topLabel;
            labelsBottom = bottomLabel;
            labels = topLabel == null ? bottomLabel == null ? List.of() : List.of(bottomLabel)
                    : bottomLabel == null ? List.of(topLabel) : List.of(topLabel, bottomLabel);
        }
        boolean boxes = options.boxes() && detection.state() == DetectionState.MOTION;
        return new Overlay(boxes ? detection.boxes() : List.of(), options.boxThickness(), labels);
    }

    /** Camera name and time, made again when the second changes; null when neither is shown. */
    private Overlay.Label topLabel(long second) {
        if (!options.cameraName() && !options.time()) {
            return null;
        }
        if (top == null || options.time() && second != topSecond) {
            top = label(topText(second), 0, null);
            topSecond = second;
        }
        return top;
    }

    /** State and changed share; null when neither is shown. */
    private Overlay.Label bottomLabel(Detection detection, boolean armed) {
        boolean changed = options.changed() && detection.state() != DetectionState.CALIBRATING;
        if (!options.state() && !changed) {
            return null;
        }
        int share = changed ? (int) Math.max(0, Math.min(1000, Math.round(1000 * detection.changedFraction()))) : NOT_SHOWN;
        int key = ((armed ? 1 : 0) * STATES.length + detection.state().ordinal()) * SHARES + share;
        Overlay.Label label = bottoms[key];
        if (label == null) {
            String text = (armed || !options.state() ? "" : "disarmed, ") + bottomText(detection.state(), changed ? share : -1);
            YuvColour mark = armed ? Overlay.markOf(detection.state()) : YuvColour.GREY;
            label = label(text, -1, options.state() ? mark : null);
            bottoms[key] = label;
        }
        return label;
    }

    private String topText(long second) {
        StringBuilder text = new StringBuilder();
        if (options.cameraName()) {
            text.append(camera);
        }
        if (options.time()) {
            text.append(text.isEmpty() ? "" : "  ").append(timeFormat.format(Instant.ofEpochSecond(second)));
        }
        return text.toString();
    }

    /** "motion 3.5%": the state, and the changed share in tenths of a percent unless {@code permille} is -1. */
    private String bottomText(DetectionState state, int permille) {
        StringBuilder text = new StringBuilder();
        if (options.state()) {
            text.append(state.name().toLowerCase(Locale.ROOT));
        }
        if (permille >= 0) {
            text.append(text.isEmpty() ? "" : " ").append(permille / 10).append('.').append(permille % 10).append('%');
        }
        return text.toString();
    }

    /** A label at the top (y = 0) or the bottom (y = -1) of the frame, its size measured once here. */
    private Overlay.Label label(String text, int y, YuvColour mark) {
        int[] baseline = new int[1];
        Size size = Imgproc.getTextSize(text.isEmpty() ? " " : text, FONT, scale, thickness, baseline);
        int textHeight = (int) size.height;
        int markSize = mark == null ? 0 : textHeight;
        int width = Math.min(frameWidth, (int) size.width + 2 * padding + (mark == null ? 0 : markSize + padding));
        int height = Math.min(frameHeight, textHeight + baseline[0] + 2 * padding);
        int top = y == 0 ? 0 : frameHeight - height;
        int textX = padding + (mark == null ? 0 : markSize + padding);
        return new Overlay.Label(text, 0, top, width, height, textX, top + padding + textHeight, scale, thickness, mark,
                markSize);
    }
}
