package org.vigil.options;

import java.util.Objects;

/**
 * One option, described the way GStreamer properties and FFmpeg AVOptions are: a name, a type with its range or
 * choices, a default and one sentence of documentation. Config files, the CLI's option listings and the README's
 * configuration reference all read options from these, so each is written once.
 *
 * @param <T> the value's Java type: Long, Double, Boolean, an enum or a module's own value class
 */
public final class OptionSpec<T> {
    private final String name;
    private final OptionType<T> type;
    private final T defaultValue;
    private final String doc;
    private final boolean required;

    private OptionSpec(String name, OptionType<T> type, T defaultValue, String doc, boolean required) {
        this.required = required;
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.doc = Objects.requireNonNull(doc, "doc");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option name must be lower-case words joined by '-': " + name);
        }
        if (!doc.endsWith(".")) {
            throw new IllegalArgumentException("option " + name + ": its documentation is a sentence ending in '.'");
        }
        try {
            this.defaultValue = type.check(Objects.requireNonNull(defaultValue, "defaultValue"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + name + ": default " + e.getMessage(), e);
        }
    }

    public static <T> OptionSpec<T> of(String name, OptionType<T> type, T defaultValue, String doc) {
        return new OptionSpec<>(name, type, defaultValue, doc, false);
    }

    /**
     * An option that must be given (a zone's name): its reader insists on it; {@code example} stands in where a
     * value is needed before it is read, and documentation shows it as an example.
     */
    public static <T> OptionSpec<T> required(String name, OptionType<T> type, T example, String doc) {
        return new OptionSpec<>(name, type, example, doc, true);
    }

    /** Whether the option has no default and must be given. */
    public boolean isRequired() {
        return required;
    }

    public static OptionSpec<Long> integer(String name, long defaultValue, long min, long max, String doc) {
        return new OptionSpec<>(name, NumberType.integer(min, max), defaultValue, doc, false);
    }

    public static OptionSpec<Double> decimal(String name, double defaultValue, double min, double max, String doc) {
        return new OptionSpec<>(name, NumberType.decimal(min, max), defaultValue, doc, false);
    }

    public static OptionSpec<Boolean> flag(String name, boolean defaultValue, String doc) {
        return new OptionSpec<>(name, FlagType.INSTANCE, defaultValue, doc, false);
    }

    public static <E extends Enum<E>> OptionSpec<E> choice(String name, Class<E> type, E defaultValue, String doc) {
        return new OptionSpec<>(name, ChoiceType.of(type), defaultValue, doc, false);
    }

    public String name() {
        return name;
    }

    public OptionType<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String doc() {
        return doc;
    }

    /** Reads a value written in a config file, or says exactly why it cannot. */
    public T parse(String text) {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new OptionException(name, e.getMessage(), doc);
        }
    }

    /** Checks a value given by code. */
    public T check(Object value) {
        try {
            return type.check(value);
        } catch (IllegalArgumentException e) {
            throw new OptionException(name, e.getMessage(), doc);
        }
    }

    /** A value of this option written the way a user writes it. */
    public String format(Object value) {
        return type.format(type.check(value));
    }

    public String formatDefault() {
        return type.format(defaultValue);
    }

    /** The accepted values: "[0, 1]", "{true, false}", "auto | write | mmap". */
    public String values() {
        return type.values();
    }

    @Override
    public String toString() {
        return name + " (" + type.kind() + " " + values() + ", default " + formatDefault() + ")";
    }
}
