package org.vigil.core.schedule;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in a schedule: {@code 90}, {@code 90s}, {@code 45m}, {@code 1h30m}, {@code 2d}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");
    private static final Pattern WHOLE = Pattern.compile("(\\d+[dhms])+");

    private Durations() {
    }

    public static Duration parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write seconds, or e.g. 90s, 45m, 1h30m, 2d");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(trimmed);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        return total;
    }

    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder();
        long[] units = {86_400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (seconds >= units[i]) {
                text.append(seconds / units[i]).append(names[i]);
                seconds %= units[i];
            }
        }
        return text.length() == 0 ? "0s" : text.toString();
    }
}
