package org.vigil.options;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Checked values for every option of one table: each lies in its option's range. Immutable. */
public final class OptionValues {
    private final OptionTable table;
    private final Map<String, Object> values;

    OptionValues(OptionTable table, Map<String, Object> values) {
        this.table = table;
        this.values = Map.copyOf(values);
    }

    public OptionTable table() {
        return table;
    }

    /** The value of an option of this table, in its Java type. */
    public <T> T value(OptionSpec<T> spec) {
        Object value = raw(spec.name());
        return spec.check(value);
    }

    public double decimal(String name) {
        return ((Number) raw(name)).doubleValue();
    }

    public int integer(String name) {
        return Math.toIntExact(((Number) raw(name)).longValue());
    }

    public long longInteger(String name) {
        return ((Number) raw(name)).longValue();
    }

    public boolean flag(String name) {
        return (Boolean) raw(name);
    }

    /** The value as a user would write it. */
    public String text(String name) {
        return table.spec(name).format(raw(name));
    }

    /** These values with one option changed, checked against its range. */
    public OptionValues with(String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.put(name, table.spec(name).check(value));
        return new OptionValues(table, changed);
    }

    private Object raw(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("option " + name + " is not in this table (" + table.names() + ")");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionValues other && other.table == table && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(table), values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (OptionSpec<?> spec : table.specs()) {
            text.append(text.isEmpty() ? "" : " ").append(spec.name()).append('=').append(spec.format(values.get(spec.name())));
        }
        return text.toString();
    }
}
