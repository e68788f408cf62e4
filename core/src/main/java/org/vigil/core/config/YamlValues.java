package org.vigil.core.config;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.vigil.options.OptionException;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads single values and option tables out of sections, reporting each problem at its node. */
final class YamlValues {
    private final Problems problems;

    YamlValues(Problems problems) {
        this.problems = problems;
    }

    /** The text of a single value, or empty (with a problem) for a section, a list or no value at all. */
    Optional<String> text(Node node, String path) {
        if (!(node instanceof ScalarNode scalar)) {
            problems.at(node, path, "expected a single value, found " + Section.describe(node));
            return Optional.empty();
        }
        if (scalar.getTag().equals(Tag.NULL)) {
            problems.at(node, path, "has no value: write one, or leave the key out to take the default");
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    /** One option's value from its node, or empty with the option's own problem and documentation. */
    Optional<Object> option(OptionSpec<?> spec, Node node, String path) {
        Optional<String> text = text(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(spec.parse(text.get()));
        } catch (OptionException e) {
            problems.at(node, path, e.detail());
            return Optional.empty();
        }
    }

    /** Every key of the table present in the section, parsed; the keys are marked known. */
    Map<String, Located<Object>> options(Section section, OptionTable table) {
        Map<String, Located<Object>> values = new LinkedHashMap<>();
        for (OptionSpec<?> spec : table.specs()) {
            Optional<Node> node = section.take(spec.name());
            if (node.isPresent()) {
                String path = section.keyPath(spec.name());
                option(spec, node.get(), path).ifPresent(value -> values.put(spec.name(), new Located<>(value, node.get(), path)));
            }
        }
        return values;
    }

    /** The values only, for a table's {@code of}. */
    static Map<String, Object> values(Map<String, Located<Object>> located) {
        Map<String, Object> values = new LinkedHashMap<>();
        located.forEach((name, value) -> values.put(name, value.value()));
        return values;
    }
}
