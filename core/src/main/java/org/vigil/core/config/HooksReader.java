package org.vigil.core.config;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.vigil.core.hooks.HookKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code hooks:} section: each key a hook kind, each value the command as a YAML list of arguments. A
 * command written as one string is refused, not split: without a shell there is no quoting to split it by, and with
 * one, a camera's name could become a command.
 */
final class HooksReader {
    private final YamlValues values;
    private final Problems problems;

    HooksReader(YamlValues values, Problems problems) {
        this.values = values;
        this.problems = problems;
    }

    Map<HookKind, List<String>> read(Node node) {
        Map<HookKind, List<String>> commands = new EnumMap<>(HookKind.class);
        Optional<Section> section = Section.of(node, GlobalOptions.HOOKS, problems);
        if (section.isEmpty()) {
            return commands;
        }
        for (HookKind kind : HookKind.values()) {
            section.get().take(kind.key()).ifPresent(value -> command(value, section.get().keyPath(kind.key()))
                    .ifPresent(args -> commands.put(kind, args)));
        }
        section.get().rejectUnknown(Arrays.stream(HookKind.values()).map(HookKind::key).toList(), Map.of());
        return commands;
    }

    private Optional<List<String>> command(Node node, String path) {
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(node, path, "write the command as a list of arguments, run without a shell, e.g. "
                    + "[/usr/local/bin/notify, --camera, \"%t\", --event, \"%v\"]");
            return Optional.empty();
        }
        if (sequence.getValue().isEmpty()) {
            problems.at(node, path, "is an empty list: name the program to run, then its arguments");
            return Optional.empty();
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            values.text(sequence.getValue().get(i), path + "[" + i + "]").ifPresent(args::add);
        }
        return args.size() == sequence.getValue().size() ? Optional.of(args) : Optional.empty();
    }
}
