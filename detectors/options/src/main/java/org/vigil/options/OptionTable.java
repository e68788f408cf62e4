package org.vigil.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ordered options of one part (a detector, the loopback output, a section of the daemon's config). */
public final class OptionTable {
    private final Map<String, OptionSpec<?>> specs = new LinkedHashMap<>();

    public OptionTable(List<? extends OptionSpec<?>> specs) {
        for (OptionSpec<?> spec : specs) {
            if (this.specs.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("option " + spec.name() + " is declared twice");
            }
        }
    }

    public static OptionTable of(OptionSpec<?>... specs) {
        return new OptionTable(List.of(specs));
    }

    public List<OptionSpec<?>> specs() {
        return List.copyOf(specs.values());
    }

    public List<String> names() {
        return List.copyOf(specs.keySet());
    }

    public Optional<OptionSpec<?>> find(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    /** The option of this name, or an {@link OptionException} that names the nearest known one. */
    public OptionSpec<?> spec(String name) {
        OptionSpec<?> spec = specs.get(name);
        if (spec == null) {
            throw unknown(name);
        }
        return spec;
    }

    /** "unknown option 'treshold', did you mean 'threshold'?", or the list of known options when none is near. */
    public OptionException unknown(String name) {
        return new OptionException(name, unknownProblem("option", name, names()), null);
    }

    /** The words of an unknown-name problem, shared with the config layer's unknown keys. */
    public static String unknownProblem(String what, String name, List<String> known) {
        return NearestName.of(name, known)
                .map(near -> "unknown " + what + " '" + name + "', did you mean '" + near + "'?")
                .orElse("unknown " + what + " '" + name + "': known " + what + "s are " + String.join(", ", known));
    }

    /** Every option at its default. */
    public OptionValues defaults() {
        return parse(Map.of());
    }

    /**
     * Options written as text (from a config file); missing ones take their default. The first unknown or bad one,
     * in name order so the same one is always reported first, is thrown.
     */
    public OptionValues parse(Map<String, String> written) {
        Map<String, Object> values = defaultMap();
        List<String> names = new ArrayList<>(written.keySet());
        Collections.sort(names);
        for (String name : names) {
            values.put(name, spec(name).parse(written.get(name)));
        }
        return new OptionValues(this, values);
    }

    /** Options given as values (from code); missing ones take their default, unknown or bad ones fail. */
    public OptionValues of(Map<String, ?> given) {
        Map<String, Object> values = defaultMap();
        given.forEach((name, value) -> values.put(name, spec(name).check(value)));
        return new OptionValues(this, values);
    }

    private Map<String, Object> defaultMap() {
        Map<String, Object> values = new LinkedHashMap<>();
        specs.values().forEach(spec -> values.put(spec.name(), spec.defaultValue()));
        return values;
    }
}
