package org.vigil.core.config;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.vigil.options.OptionTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One YAML mapping of the config with its key path: hands out the values of the keys the schema knows, and at the
 * end reports every key nobody asked for, naming the nearest known one (Frigate's extra="forbid").
 */
final class Section {
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> taken = new HashSet<>();

    private Section(String path, Problems problems) {
        this.path = path;
        this.problems = problems;
    }

    /** The mapping at {@code node}, or empty (with a problem) when the node is something else. */
    static Optional<Section> of(Node node, String path, Problems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, path, "expected a section of keys (key: value on lines indented below it), found "
                    + describe(node));
            return Optional.empty();
        }
        Section section = new Section(path, problems);
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode scalar)) {
                problems.at(key, path, "a key must be a plain word, found " + describe(key));
                continue;
            }
            NodeTuple first = section.entries.putIfAbsent(scalar.getValue(), tuple);
            if (first != null) {
                problems.at(key, section.keyPath(scalar.getValue()), "appears twice in this section; the first is at line "
                        + first.getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(0) + ": keep one");
            }
        }
        return Optional.of(section);
    }

    String path() {
        return path;
    }

    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value of a key, marking the key as known. */
    Optional<Node> take(String key) {
        taken.add(key);
        NodeTuple tuple = entries.get(key);
        return tuple == null ? Optional.empty() : Optional.of(tuple.getValueNode());
    }

    /** The node of a key itself (for problems about the key rather than its value). */
    Optional<Node> keyNode(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? Optional.empty() : Optional.of(tuple.getKeyNode());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Every key with its value, in file order, marking all as known (for maps of names: cameras, controls). */
    Map<String, NodeTuple> takeAll() {
        taken.addAll(entries.keySet());
        return entries;
    }

    /** The keys in file order. */
    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    /**
     * Reports each key not taken.
     *
     * @param known every key this section may hold, for the suggestion
     * @param misplaced why a key known elsewhere does not belong here, by key (e.g. device at the top level)
     */
    void rejectUnknown(List<String> known, Map<String, String> misplaced) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (taken.contains(key)) {
                continue;
            }
            Node keyNode = entry.getValue().getKeyNode();
            String why = misplaced.get(key);
            problems.at(keyNode, keyPath(key), why != null ? why : OptionTable.unknownProblem("key", key, known));
        }
    }

    static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case MAPPING -> "a section of keys";
            case SEQUENCE -> "a list";
            case SCALAR -> "'" + ((ScalarNode) node).getValue() + "'";
            default -> "an anchor";
        };
    }
}
