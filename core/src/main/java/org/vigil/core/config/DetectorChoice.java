package org.vigil.core.config;

import org.vigil.options.OptionValues;

/** A camera's detector: the provider's name and its checked options. */
public record DetectorChoice(String name, OptionValues options) {

    @Override
    public String toString() {
        return name + " (" + options + ")";
    }
}
