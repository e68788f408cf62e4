package org.vigil.core.config;

import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.options.TextType;

/** The keys of one entry of a camera's {@code zones:} list (its polygon is read apart, as a list of points). */
public final class ZoneOptions {
    public static final OptionSpec<String> NAME = OptionSpec.required("name",
            TextType.of(String.class, ZoneOptions::checkName, text -> text, "a name"), "gate",
            "The zone's name, which detections and events report when it fires.");
    public static final OptionSpec<Double> THRESHOLD = OptionSpec.decimal("threshold", 0.01, 0.0001, 1,
            "Fraction of the zone's watched area that must change for the zone to fire, even below the camera's threshold.");
    /** Documented here; read as a list of [x, y] corners in full-frame pixels. */
    public static final String POLYGON = "polygon";

    public static final OptionTable TABLE = OptionTable.of(NAME, THRESHOLD);

    private ZoneOptions() {
    }

    private static String checkName(String text) {
        if (!text.matches("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}")) {
            throw new IllegalArgumentException("'" + text + "' is not a zone name: use letters, digits, spaces, '_', '.' "
                    + "or '-', at most 64");
        }
        return text;
    }
}
