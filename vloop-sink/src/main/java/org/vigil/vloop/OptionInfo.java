package org.vigil.vloop;

/**
 * One option of the loopback output as the config layer lists it: name, default, accepted values and one sentence
 * of documentation.
 */
public record OptionInfo(String name, String defaultValue, String range, String doc) {
}
