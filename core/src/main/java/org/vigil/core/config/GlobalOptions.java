package org.vigil.core.config;

import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.options.TextType;

import java.nio.file.Path;

/** The keys that belong to the daemon as a whole rather than to any camera. */
public final class GlobalOptions {
    public static final OptionSpec<Double> STATUS_INTERVAL = OptionSpec.decimal("status-interval", 60, 1, 86_400,
            "Seconds between the status lines logged for each camera (frames in and out, detection rate, drops).");
    public static final OptionSpec<Path> TARGET_DIR = OptionSpec.of("target-dir",
            TextType.of(Path.class, Path::of, Path::toString, "DIRECTORY"), Path.of("/var/lib/vigil"),
            "Where snapshots and movies go, as CAMERA/YYYY-MM-DD/...; relative to the config file's directory.");
    public static final OptionSpec<String> DATABASE = OptionSpec.of("database", TextType.any("FILE"), "events.db",
            "The SQLite event database; relative to target-dir.");
    public static final OptionSpec<String> FFMPEG = OptionSpec.of("ffmpeg", TextType.any("auto | none | PROGRAM"),
            "auto", "The ffmpeg that encodes movies as H.264 MP4: auto finds it on PATH; none (or none found) makes "
                    + "MJPEG AVI movies with OpenCV's own writer instead.");
    public static final OptionSpec<Double> HOOK_TIMEOUT = OptionSpec.decimal("hook-timeout", 30, 1, 3600,
            "Seconds a hook may run before it is killed.");

    public static final OptionTable TABLE = OptionTable.of(STATUS_INTERVAL, TARGET_DIR, DATABASE, FFMPEG, HOOK_TIMEOUT);

    /** The key that holds the cameras. */
    public static final String CAMERAS = "cameras";
    /** The key that holds the hooks: one argument list per event kind. */
    public static final String HOOKS = "hooks";

    private GlobalOptions() {
    }
}
