package org.vigil.core.rig;

import org.vigil.kernel.v4l2.VideoNode;
import org.vigil.kernel.v4l2.VideoNodes;

import java.nio.file.Path;
import java.util.List;

/** The rig's cameras by what they are: vivid instance N's capture node, v4l2loopback nodes by label. */
final class RigVideo {
    private RigVideo() {
    }

    /** vivid instance {@code index}'s video capture node ("vivid-00N-vid-cap"). */
    static Path vivid(int index) {
        String name = String.format("vivid-%03d-vid-cap", index);
        List<VideoNode> nodes = VideoNodes.list();
        return nodes.stream().filter(node -> node.name().equals(name)).map(VideoNode::device).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " among " + nodes
                        + "; rig tests run inside the real-kernel rig (mvn verify)"));
    }

    static Path loopback(String label) {
        return org.vigil.kernel.testing.RigNodes.loopback(label);
    }
}
