package org.vigil.core.config;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Collects every problem of one file with its place, so that one run reports them all. */
final class Problems {
    private final Path file;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<ConfigProblem> notes = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** A problem at a node (its first character). */
    void at(Node node, String key, String message) {
        Optional<Mark> mark = node == null ? Optional.empty() : node.getStartMark();
        add(mark, key, message);
    }

    void at(Optional<Mark> mark, String key, String message) {
        add(mark, key, message);
    }

    void at(int line, int column, String key, String message) {
        problems.add(new ConfigProblem(file, line, column, key, message));
    }

    /** Something worth knowing that does not stop the file from being used (a device not plugged in yet). */
    void note(Node node, String key, String message) {
        Optional<Mark> mark = node == null ? Optional.empty() : node.getStartMark();
        notes.add(new ConfigProblem(file, mark.map(m -> m.getLine() + 1).orElse(0),
                mark.map(m -> m.getColumn() + 1).orElse(0), key, message));
    }

    private void add(Optional<Mark> mark, String key, String message) {
        problems.add(new ConfigProblem(file, mark.map(m -> m.getLine() + 1).orElse(0),
                mark.map(m -> m.getColumn() + 1).orElse(0), key, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** In file order; problems found in a later pass over an earlier line come out where they belong. */
    List<ConfigProblem> sorted() {
        return sorted(problems);
    }

    List<ConfigProblem> notes() {
        return sorted(notes);
    }

    private static List<ConfigProblem> sorted(List<ConfigProblem> list) {
        List<ConfigProblem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return copy;
    }
}
