package org.vigil.core.config;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.vigil.core.schedule.Schedule;
import org.vigil.core.schedule.ScheduleOptions;
import org.vigil.options.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a camera's {@code schedules:} list, each entry a section of {@link ScheduleOptions}' keys; {@code days},
 * {@code except} and {@code only} may be YAML lists too. Each entry's problems are reported at its own lines.
 */
final class ScheduleReader {
    private final YamlValues values;
    private final Problems problems;

    ScheduleReader(YamlValues values, Problems problems) {
        this.values = values;
        this.problems = problems;
    }

    List<Schedule> read(Node node, String path, String camera) {
        List<Schedule> schedules = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(node, path, "expected a list of schedules (each starting with '- kind: record|detect|snapshot|"
                    + "timelapse'), found " + Section.describe(node));
            return schedules;
        }
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node entry = sequence.getValue().get(i);
            String entryPath = path + "[" + i + "]";
            Optional<Section> found = Section.of(entry, entryPath, problems);
            if (found.isEmpty()) {
                continue;
            }
            int before = problems.sorted().size();
            Section section = found.get();
            Map<String, Object> read = new LinkedHashMap<>();
            for (OptionSpec<?> spec : ScheduleOptions.TABLE.specs()) {
                Optional<Node> value = section.take(spec.name());
                if (value.isEmpty()) {
                    continue;
                }
                String keyPath = section.keyPath(spec.name());
                Optional<Object> parsed = ScheduleOptions.LISTS.contains(spec.name()) && value.get() instanceof SequenceNode list
                        ? joined(list, keyPath).flatMap(text -> parse(spec, text, value.get(), keyPath))
                        : values.option(spec, value.get(), keyPath);
                parsed.ifPresent(v -> read.put(spec.name(), v));
            }
            section.rejectUnknown(ScheduleOptions.TABLE.specs().stream().map(OptionSpec::name).toList(), Map.of());
            if (!section.has(ScheduleOptions.KIND.name())) {
                problems.at(entry, section.keyPath(ScheduleOptions.KIND.name()), "missing: a schedule needs its kind ("
                        + ScheduleOptions.KIND.values() + ")");
            }
            if (problems.sorted().size() > before) {
                continue;
            }
            try {
                schedules.add(ScheduleOptions.build("config:" + camera + ":" + (i + 1), camera, read));
            } catch (IllegalArgumentException e) {
                problems.at(entry, entryPath, e.getMessage());
            }
        }
        return schedules;
    }

    private Optional<String> joined(SequenceNode list, String path) {
        List<String> items = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                problems.at(item, path, "expected single values in this list, found " + Section.describe(item));
                return Optional.empty();
            }
            items.add(scalar.getValue());
        }
        return Optional.of(String.join(",", items));
    }

    private Optional<Object> parse(OptionSpec<?> spec, String text, Node node, String path) {
        try {
            return Optional.of(spec.parse(text));
        } catch (org.vigil.options.OptionException e) {
            problems.at(node, path, e.detail());
            return Optional.empty();
        }
    }

}
