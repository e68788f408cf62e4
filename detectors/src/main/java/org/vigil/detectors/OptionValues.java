package org.vigil.detectors;

import java.util.Map;

/** Checked option values for one detector instance: every value lies in its option's range. */
public final class OptionValues {

    private final OptionTable table;
    private final Map<String, Double> values;

    OptionValues(OptionTable table, Map<String, Double> values) {
        this.table = table;
        this.values = Map.copyOf(values);
    }

    public OptionTable table() {
        return table;
    }

    public double decimal(String name) {
        Double value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("option " + name + " is not in this detector's table");
        }
        return value;
    }

    public int integer(String name) {
        return (int) decimal(name);
    }

    public boolean flag(String name) {
        return decimal(name) != 0;
    }

    /** These values with one option changed, checked against its range. */
    public OptionValues with(String name, double value) {
        Map<String, Double> changed = new java.util.HashMap<>(values);
        changed.put(name, table.spec(name).check(value));
        return new OptionValues(table, changed);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (OptionSpec spec : table.specs()) {
            text.append(text.isEmpty() ? "" : " ").append(spec.name()).append('=').append(spec.format(values.get(spec.name())));
        }
        return text.toString();
    }
}
