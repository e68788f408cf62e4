package org.vigil.kernel.testing;

import org.vigil.kernel.v4l2.VideoNode;
import org.vigil.kernel.v4l2.VideoNodes;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the rig's devices by what they are (vivid's "vid-cap"/"vid-out" nodes, loopback nodes by card
 * label) rather than by number, and fails with a clear message when run outside the rig.
 */
public final class RigNodes {
    private RigNodes() {
    }

    public static Path vividCapture() {
        return find("vivid capture node", node -> "vivid".equals(node.driver()) && node.name().endsWith("vid-cap"));
    }

    public static Path vividOutput() {
        return find("vivid output node", node -> "vivid".equals(node.driver()) && node.name().endsWith("vid-out"));
    }

    /** A v4l2loopback node by its card_label module parameter. */
    public static Path loopback(String cardLabel) {
        return find("v4l2loopback node labelled '" + cardLabel + "'",
                node -> node.isLoopback() && cardLabel.equals(node.capability().card()));
    }

    private static Path find(String what, java.util.function.Predicate<VideoNode> test) {
        List<VideoNode> nodes = VideoNodes.list();
        return nodes.stream().filter(test).map(VideoNode::device).findFirst().orElseThrow(() -> new AssertionError(
                "no " + what + " among " + (nodes.isEmpty() ? "no video nodes at all"
                        : nodes.stream().map(VideoNode::toString).collect(Collectors.joining("; ")))
                        + ". Integration tests run inside the real-kernel rig: mvn verify (or kernel/rig/run)."));
    }
}
