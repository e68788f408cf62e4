package org.vigil.core.config;

import java.util.List;

/** A config file that cannot be used, with every problem found in it, in file order. */
public final class ConfigException extends Exception {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the configuration:\n"
                + String.join("\n", problems.stream().map(ConfigProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
