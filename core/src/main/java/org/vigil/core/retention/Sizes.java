package org.vigil.core.retention;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte counts as people write them: {@code 500MB}, {@code 50GB}, {@code 1.5TB} (powers of 1024), or plain bytes. */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b?|b)?");

    private Sizes() {
    }

    public static long parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.equals("0")) {
            return 0;
        }
        Matcher m = SIZE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write e.g. 500MB, 50GB or 1.5TB");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        return Math.round(amount * Math.pow(1024, power));
    }

    public static String format(long bytes) {
        if (bytes == 0) {
            return "none";
        }
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%d%s", (long) value, units[unit])
                : String.format(Locale.ROOT, "%.1f%s", value, units[unit]);
    }
}
