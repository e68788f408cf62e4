package org.vigil.detectors;

/** The kind of value an option holds; every value is carried as a double so that one table serves all options. */
public enum OptionType {
    INTEGER,
    DECIMAL,
    /** 0 or 1; written as true/false, yes/no, on/off or 1/0. */
    BOOLEAN
}
