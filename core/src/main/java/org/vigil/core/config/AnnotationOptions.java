package org.vigil.core.config;

import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.options.OptionValues;
import org.vigil.options.TextType;

import java.time.format.DateTimeFormatter;

/**
 * What the annotated feed shows on top of the picture (a camera's {@code annotation:} section).
 *
 * @param timeFormat a {@link DateTimeFormatter} pattern
 */
public record AnnotationOptions(boolean boxes, boolean cameraName, boolean time, boolean changed, boolean state,
                                double textScale, String timeFormat, int boxThickness) {

    public static final OptionSpec<Boolean> BOXES = OptionSpec.flag("boxes", true,
            "Draw a box around each moving region the detector reports.");
    public static final OptionSpec<Boolean> CAMERA_NAME = OptionSpec.flag("camera-name", true,
            "Write the camera's name in the top left corner.");
    public static final OptionSpec<Boolean> TIME = OptionSpec.flag("time", true,
            "Write the local date and time next to the name.");
    public static final OptionSpec<Boolean> CHANGED = OptionSpec.flag("changed", true,
            "Write how much of the watched area changed, in percent, in the bottom left corner.");
    public static final OptionSpec<Boolean> STATE = OptionSpec.flag("state", true,
            "Write the detector's state (calibrating, quiet, motion, lighting) with a mark in its colour.");
    public static final OptionSpec<Double> TEXT_SCALE = OptionSpec.decimal("text-scale", 1, 0.25, 4,
            "Size of the text relative to the default, which grows with the frame's height.");
    public static final OptionSpec<String> TIME_FORMAT = OptionSpec.of("time-format",
            TextType.of(String.class, AnnotationOptions::checkPattern, text -> text, "a java.time pattern"),
            "yyyy-MM-dd HH:mm:ss", "How the time is written: a java.time DateTimeFormatter pattern.");
    public static final OptionSpec<Long> BOX_THICKNESS = OptionSpec.integer("box-thickness", 2, 1, 16,
            "Line width of the boxes, in pixels.");

    public static final OptionTable TABLE = OptionTable.of(BOXES, CAMERA_NAME, TIME, CHANGED, STATE, TEXT_SCALE,
            TIME_FORMAT, BOX_THICKNESS);

    public static AnnotationOptions from(OptionValues values) {
        return new AnnotationOptions(values.flag(BOXES.name()), values.flag(CAMERA_NAME.name()), values.flag(TIME.name()),
                values.flag(CHANGED.name()), values.flag(STATE.name()), values.decimal(TEXT_SCALE.name()),
                values.value(TIME_FORMAT), values.integer(BOX_THICKNESS.name()));
    }

    public static AnnotationOptions defaults() {
        return from(TABLE.defaults());
    }

    /** Whether anything is drawn at all; if not, the feed is the camera's picture as it is. */
    public boolean drawsAnything() {
        return boxes || cameraName || time || changed || state;
    }

    private static String checkPattern(String text) {
        try {
            DateTimeFormatter.ofPattern(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date-time pattern: " + e.getMessage()
                    + " (for example yyyy-MM-dd HH:mm:ss)");
        }
        return text;
    }
}
