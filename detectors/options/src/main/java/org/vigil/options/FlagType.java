package org.vigil.options;

import java.util.Locale;

/** On or off; written true/false, yes/no, on/off or 1/0, as people write them (YAML 1.2 reads only true and false). */
public final class FlagType implements OptionType<Boolean> {
    public static final FlagType INSTANCE = new FlagType();

    private FlagType() {
    }

    @Override
    public Boolean parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not a boolean: write true or false");
        };
    }

    @Override
    public Boolean check(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new IllegalArgumentException("'" + value + "' is not a boolean: write true or false");
    }

    @Override
    public String format(Boolean value) {
        return value ? "true" : "false";
    }

    @Override
    public String values() {
        return "{true, false}";
    }

    @Override
    public String kind() {
        return "boolean";
    }
}
