package org.vigil.options;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value in a form of its owner's: the owner's parser turns text into the value (throwing IllegalArgumentException
 * with what is wrong), and its formatter writes it back.
 */
public final class TextType<T> implements OptionType<T> {
    private final Class<T> valueClass;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final String values;

    private TextType(Class<T> valueClass, Function<String, T> parser, Function<T, String> formatter, String values) {
        this.valueClass = Objects.requireNonNull(valueClass);
        this.parser = Objects.requireNonNull(parser);
        this.formatter = Objects.requireNonNull(formatter);
        this.values = Objects.requireNonNull(values);
    }

    /**
     * @param values the accepted forms as documentation shows them, e.g. "off | any | label:NAME | /dev/videoN"
     */
    public static <T> TextType<T> of(Class<T> valueClass, Function<String, T> parser, Function<T, String> formatter,
                                     String values) {
        return new TextType<>(valueClass, parser, formatter, values);
    }

    /** Any text, kept as it is written (a path, a pattern). */
    public static TextType<String> any(String values) {
        return new TextType<>(String.class, text -> text, text -> text, values);
    }

    @Override
    public T parse(String text) {
        return parser.apply(text);
    }

    @Override
    public T check(Object value) {
        if (valueClass.isInstance(value)) {
            return valueClass.cast(value);
        }
        return parse(String.valueOf(value));
    }

    @Override
    public String format(T value) {
        return formatter.apply(value);
    }

    @Override
    public String values() {
        return values;
    }

    @Override
    public String kind() {
        return "text";
    }
}
