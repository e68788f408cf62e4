package org.vigil.options;

/**
 * An option that cannot be taken: unknown, or a value of the wrong form or out of range. Carries the pieces apart,
 * so the config layer can put its own location and key path before them.
 */
public final class OptionException extends IllegalArgumentException {
    private final String option;
    private final String problem;
    private final String doc;

    /**
     * @param problem what is wrong and what would be right, e.g. "1.5 is out of range [0, 1]"
     * @param doc     the option's documentation, or null (an unknown option has none)
     */
    public OptionException(String option, String problem, String doc) {
        super("option " + option + ": " + problem + (doc == null ? "" : ": " + doc));
        this.option = option;
        this.problem = problem;
        this.doc = doc;
    }

    public String option() {
        return option;
    }

    public String problem() {
        return problem;
    }

    /** The option's sentence of documentation, or null. */
    public String doc() {
        return doc;
    }

    /** "PROBLEM: DOC", or the problem alone: what follows a key path in a config error. */
    public String detail() {
        return doc == null ? problem : problem + ": " + doc;
    }
}
