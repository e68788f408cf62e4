package org.vigil.vloop;

import java.nio.file.Path;

/** Which loopback node to write into: a given node, the node with a given card label, any free one, or none. */
public sealed interface PipeChoice {

    /** No pipe: the output is switched off. Never opened. */
    record Off() implements PipeChoice {
        @Override
        public String toString() {
            return "off";
        }
    }

    /** Any v4l2loopback node that no other producer holds, lowest number first. */
    record AnyFree() implements PipeChoice {
        @Override
        public String toString() {
            return "any";
        }
    }

    /** The v4l2loopback node whose card label (module parameter card_label) is this. */
    record Labelled(String label) implements PipeChoice {
        public Labelled {
            if (label.isBlank()) {
                throw new IllegalArgumentException("a pipe label must not be empty");
            }
        }

        @Override
        public String toString() {
            return "label:" + label;
        }
    }

    /** This node, e.g. /dev/video10. */
    record Node(Path device) implements PipeChoice {
        @Override
        public String toString() {
            return device.toString();
        }
    }

    PipeChoice ANY = new AnyFree();

    PipeChoice OFF = new Off();

    /** "off", "any", "label:NAME" or a device path such as "/dev/video10". */
    static PipeChoice parse(String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase("any")) {
            return ANY;
        }
        if (value.equalsIgnoreCase("off")) {
            return OFF;
        }
        if (value.startsWith("label:")) {
            return new Labelled(value.substring("label:".length()));
        }
        if (value.startsWith("/")) {
            return new Node(Path.of(value));
        }
        throw new IllegalArgumentException("'" + text + "' is not off, any, label:NAME or a device path such as /dev/video10");
    }
}
