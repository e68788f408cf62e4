package org.vigil.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One of an enum's constants, written in lower case with '-' for '_' ("auto", "write", "mmap"). */
public final class ChoiceType<E extends Enum<E>> implements OptionType<E> {
    private final Class<E> type;

    private ChoiceType(Class<E> type) {
        this.type = type;
    }

    public static <E extends Enum<E>> ChoiceType<E> of(Class<E> type) {
        return new ChoiceType<>(type);
    }

    /** The word a constant is written as. */
    public static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public E parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (word(constant).equals(wanted)) {
                return constant;
            }
        }
        List<String> words = words();
        String hint = NearestName.of(wanted, words).map(w -> "did you mean '" + w + "'? ").orElse("");
        throw new IllegalArgumentException("'" + text + "' is not one of " + values() + (hint.isEmpty() ? "" : ": " + hint.strip()));
    }

    @Override
    public E check(Object value) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        return parse(String.valueOf(value));
    }

    @Override
    public String format(E value) {
        return word(value);
    }

    @Override
    public String values() {
        return String.join(" | ", words());
    }

    @Override
    public String kind() {
        return "choice";
    }

    private List<String> words() {
        List<String> words = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            words.add(word(constant));
        }
        return words;
    }
}
