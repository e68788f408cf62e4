package org.vigil.core.config;

import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;

/** The keys that belong to the daemon as a whole rather than to any camera. */
public final class GlobalOptions {
    public static final OptionSpec<Double> STATUS_INTERVAL = OptionSpec.decimal("status-interval", 60, 1, 86_400,
            "Seconds between the status lines logged for each camera (frames in and out, detection rate, drops).");

    public static final OptionTable TABLE = OptionTable.of(STATUS_INTERVAL);

    /** The key that holds the cameras. */
    public static final String CAMERAS = "cameras";

    private GlobalOptions() {
    }
}
