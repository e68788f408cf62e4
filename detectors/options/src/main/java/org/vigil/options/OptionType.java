package org.vigil.options;

/**
 * How an option's text becomes a value and back: a whole number or a decimal in a range, a flag, one of a few words,
 * or a form of a module's own (a pipe choice, a pixel format).
 *
 * @param <T> the value's Java type
 */
public interface OptionType<T> {

    /**
     * Reads text as written in a config file.
     *
     * @throws IllegalArgumentException with only what is wrong and what would be right, e.g. "1.5 is out of range
     *                                  [0, 1]"; the option's name and documentation are added by {@link OptionSpec}
     */
    T parse(String text);

    /** Checks a value given by code (not text); returns it, or throws as {@link #parse} does. */
    T check(Object value);

    /** The value written as a user would write it, so that {@link #parse} reads it back. */
    String format(T value);

    /** The values accepted, for documentation and messages: "[0, 1]", "{true, false}", "auto | write | mmap". */
    String values();

    /** What kind of value this is, for documentation: "integer", "decimal", "boolean", "choice", "text". */
    String kind();
}
