package org.vigil.kernel.rig;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.testing.ExternalCommand;
import org.vigil.kernel.v4l2.VideoNode;
import org.vigil.kernel.v4l2.VideoNodes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Discovery against v4l2-ctl --list-devices. The rig loads three loopback nodes: video10 "vigil-a"
 * (exclusive_caps=0), video11 "vigil-b" (exclusive_caps=1) and video12 "vigil-r" (exclusive_caps=0).
 */
class DiscoveryIT {

    @Test
    void everyVideoNodeV4l2CtlListsIsFoundWithItsCard() throws Exception {
        Map<String, String> cardByNode = new TreeMap<>();
        String card = null;
        for (String line : ExternalCommand.run(List.of("v4l2-ctl", "--list-devices")).split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                card = line.substring(0, line.lastIndexOf(" (")).strip();
            } else if (line.strip().startsWith("/dev/video")) {
                cardByNode.put(line.strip(), card);
            }
        }
        Map<String, VideoNode> found = VideoNodes.list().stream()
                .collect(Collectors.toMap(n -> n.device().toString(), Function.identity()));
        assertTrue(cardByNode.size() >= 4, cardByNode.toString());
        assertEquals(cardByNode.keySet(), new TreeMap<>(found).keySet());
        cardByNode.forEach((node, expected) -> assertEquals(expected, found.get(node).capability().card(), node));
    }

    @Test
    void rolesComeFromTheDeviceCaps() {
        Map<Path, VideoNode> nodes = VideoNodes.list().stream()
                .collect(Collectors.toMap(VideoNode::device, Function.identity()));
        VideoNode both = nodes.get(Path.of("/dev/video10"));
        assertTrue(both.isLoopback() && both.captures() && both.outputs(), both.toString());
        VideoNode exclusive = nodes.get(Path.of("/dev/video11"));
        assertTrue(exclusive.isLoopback() && exclusive.outputs() && !exclusive.captures(), exclusive.toString());
        VideoNode vividCapture = nodes.values().stream().filter(n -> n.name().endsWith("vid-cap")).findFirst().orElseThrow();
        assertTrue(vividCapture.captures() && !vividCapture.outputs() && !vividCapture.isLoopback());
        VideoNode vividOutput = nodes.values().stream().filter(n -> n.name().endsWith("vid-out")).findFirst().orElseThrow();
        assertFalse(vividOutput.captures());
        assertTrue(vividOutput.outputs());
    }
}
