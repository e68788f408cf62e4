package org.vigil.core.config;

import org.snakeyaml.engine.v2.nodes.Node;

/** A value read from the file with the node it came from and its key path, for problems found later about it. */
record Located<T>(T value, Node node, String path) {
}
