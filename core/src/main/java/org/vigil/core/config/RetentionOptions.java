package org.vigil.core.config;

import org.vigil.core.retention.Sizes;
import org.vigil.core.schedule.Durations;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.options.TextType;

import java.time.Duration;

/**
 * The keys of {@code retention:}: at the top level, every camera's files together and the file system's free space;
 * in a camera's section, that camera's files (max-age and max-bytes only).
 */
public final class RetentionOptions {
    public static final OptionSpec<Duration> MAX_AGE = OptionSpec.of("max-age", TextType.of(Duration.class,
            Durations::parse, d -> d.isZero() ? "none" : Durations.format(d), "a duration: 14d, 36h; none"),
            Duration.ZERO, "Files older than this are deleted (never those of events marked keep); none keeps any age.");
    public static final OptionSpec<Long> MAX_BYTES = OptionSpec.of("max-bytes", TextType.of(Long.class, Sizes::parse,
            Sizes::format, "a size: 500MB, 50GB, 1.5TB; none"), 0L,
            "While the files take more than this, the oldest are deleted (kept events' last); none sets no limit.");
    public static final OptionSpec<Long> MIN_FREE = OptionSpec.of("min-free", TextType.of(Long.class, Sizes::parse,
            Sizes::format, "a size: 1GB; none"), Sizes.parse("1GB"),
            "Top level only: while the file system of target-dir has less free, the oldest files are deleted.");
    public static final OptionSpec<Duration> INTERVAL = OptionSpec.of("interval", TextType.of(Duration.class,
            Durations::parse, Durations::format, "a duration: 5m"), Duration.ofMinutes(5),
            "Top level only: how often retention runs; it also runs at once when a recorder finds less than min-free.");

    public static final OptionTable TABLE = OptionTable.of(MAX_AGE, MAX_BYTES, MIN_FREE, INTERVAL);
    /** A camera's section takes these only. */
    public static final OptionTable CAMERA_TABLE = OptionTable.of(MAX_AGE, MAX_BYTES);
    /** The key, at the top level and in a camera's section. */
    public static final String KEY = "retention";

    private RetentionOptions() {
    }
}
