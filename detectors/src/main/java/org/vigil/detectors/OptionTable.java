package org.vigil.detectors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ordered list of a detector's options; turns config text into checked {@link OptionValues}. */
public final class OptionTable {

    private final Map<String, OptionSpec> specs = new LinkedHashMap<>();

    public OptionTable(List<OptionSpec> specs) {
        for (OptionSpec spec : specs) {
            if (this.specs.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("option " + spec.name() + " is declared twice");
            }
        }
    }

    public List<OptionSpec> specs() {
        return List.copyOf(specs.values());
    }

    public OptionSpec spec(String name) {
        OptionSpec spec = specs.get(name);
        if (spec == null) {
            throw new DetectorSetupException("unknown option '" + name + "': known options are " + String.join(", ", specs.keySet()));
        }
        return spec;
    }

    /** Every option at its default. */
    public OptionValues defaults() {
        return parse(Map.of());
    }

    /** Options written as text (from a config file); missing ones take their default, unknown or bad ones fail. */
    public OptionValues parse(Map<String, String> written) {
        Map<String, Double> values = new LinkedHashMap<>();
        specs.values().forEach(spec -> values.put(spec.name(), spec.defaultValue()));
        List<String> names = new ArrayList<>(written.keySet());
        Collections.sort(names); // a stable order so that the first error reported is always the same one
        for (String name : names) {
            values.put(name, spec(name).parse(written.get(name)));
        }
        return new OptionValues(this, values);
    }

    /** Options given as numbers (from code); missing ones take their default, unknown or out-of-range ones fail. */
    public OptionValues of(Map<String, ? extends Number> given) {
        Map<String, Double> values = new LinkedHashMap<>();
        specs.values().forEach(spec -> values.put(spec.name(), spec.defaultValue()));
        given.forEach((name, value) -> values.put(name, spec(name).check(value.doubleValue())));
        return new OptionValues(this, values);
    }
}
