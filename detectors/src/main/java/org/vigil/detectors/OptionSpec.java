package org.vigil.detectors;

import java.util.Locale;
import java.util.Objects;

/**
 * One detector option, described the way GStreamer properties and FFmpeg AVOptions are: a name, a type, a default,
 * an inclusive range and one sentence of documentation. The config layer lists and validates options from these.
 */
public record OptionSpec(String name, OptionType type, double defaultValue, double min, double max, String doc) {

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(doc, "doc");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option name must be lower-case words joined by '-': " + name);
        }
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException("option " + name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
        if (type != OptionType.DECIMAL && (defaultValue != Math.rint(defaultValue))) {
            throw new IllegalArgumentException("option " + name + ": default of an integer option must be whole");
        }
    }

    public static OptionSpec integer(String name, long defaultValue, long min, long max, String doc) {
        return new OptionSpec(name, OptionType.INTEGER, defaultValue, min, max, doc);
    }

    public static OptionSpec decimal(String name, double defaultValue, double min, double max, String doc) {
        return new OptionSpec(name, OptionType.DECIMAL, defaultValue, min, max, doc);
    }

    public static OptionSpec flag(String name, boolean defaultValue, String doc) {
        return new OptionSpec(name, OptionType.BOOLEAN, defaultValue ? 1 : 0, 0, 1, doc);
    }

    /** Reads a value written in a config file, or says exactly why it cannot. */
    public double parse(String text) {
        String value = text.strip();
        double parsed;
        switch (type) {
            case BOOLEAN -> {
                return switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> 1;
                    case "false", "no", "off", "0" -> 0;
                    default -> throw new DetectorSetupException(
                            "option " + name + " = '" + text + "' is not a boolean: write true or false (" + doc + ")");
                };
            }
            case INTEGER -> {
                try {
                    parsed = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new DetectorSetupException(
                            "option " + name + " = '" + text + "' is not a whole number: write an integer in " + range() + " (" + doc + ")");
                }
            }
            default -> {
                try {
                    parsed = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    parsed = Double.NaN;
                }
                if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                    throw new DetectorSetupException(
                            "option " + name + " = '" + text + "' is not a number: write a decimal in " + range() + " (" + doc + ")");
                }
            }
        }
        return check(parsed);
    }

    /** Returns the value when it lies in range, or fails naming the option, the value and the range. */
    public double check(double value) {
        if (!(value >= min && value <= max)) {
            throw new DetectorSetupException(
                    "option " + name + " = " + format(value) + " is out of range: use a value in " + range() + " (" + doc + ")");
        }
        if (type != OptionType.DECIMAL && value != Math.rint(value)) {
            throw new DetectorSetupException("option " + name + " = " + value + " must be a whole number in " + range());
        }
        return value;
    }

    public String range() {
        return type == OptionType.BOOLEAN ? "{false, true}" : "[" + format(min) + ", " + format(max) + "]";
    }

    /** A value written the way a user would write it in a config file. */
    public String format(double value) {
        if (type == OptionType.BOOLEAN) {
            return value != 0 ? "true" : "false";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString(); // 0.0003, not 3.0E-4
    }
}
