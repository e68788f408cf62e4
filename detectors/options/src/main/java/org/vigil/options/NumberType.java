package org.vigil.options;

import java.math.BigDecimal;

/** A whole number ({@link Long}) or a decimal ({@link Double}) within an inclusive range. */
public final class NumberType<T extends Number> implements OptionType<T> {
    private final boolean whole;
    private final double min;
    private final double max;

    private NumberType(boolean whole, double min, double max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "] is empty");
        }
        this.whole = whole;
        this.min = min;
        this.max = max;
    }

    public static NumberType<Long> integer(long min, long max) {
        return new NumberType<>(true, min, max);
    }

    public static NumberType<Double> decimal(double min, double max) {
        return new NumberType<>(false, min, max);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean isWhole() {
        return whole;
    }

    @Override
    public T parse(String text) {
        String value = text.strip();
        double parsed;
        if (whole) {
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number: write an integer in " + values());
            }
        } else {
            try {
                parsed = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                parsed = Double.NaN;
            }
            if (Double.isNaN(parsed) || Double.isInfinite(parsed) || value.endsWith("d") || value.endsWith("f")
                    || value.endsWith("D") || value.endsWith("F")) {
                throw new IllegalArgumentException("'" + text + "' is not a number: write a decimal in " + values());
            }
        }
        return check(parsed);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T check(Object given) {
        if (!(given instanceof Number number)) {
            throw new IllegalArgumentException("'" + given + "' is not a number: write one in " + values());
        }
        double value = number.doubleValue();
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(plain(value) + " is out of range " + values());
        }
        if (whole) {
            if (value != Math.rint(value)) {
                throw new IllegalArgumentException(plain(value) + " is not a whole number: write an integer in " + values());
            }
            return (T) Long.valueOf((long) value);
        }
        return (T) Double.valueOf(value);
    }

    @Override
    public String format(T value) {
        return plain(value.doubleValue());
    }

    @Override
    public String values() {
        return "[" + plain(min) + ", " + plain(max) + "]";
    }

    @Override
    public String kind() {
        return whole ? "integer" : "decimal";
    }

    /** 0.0003, not 3.0E-4; 5, not 5.0. */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
