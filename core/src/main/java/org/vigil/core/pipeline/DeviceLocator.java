package org.vigil.core.pipeline;

import org.vigil.core.config.DeviceSelector;
import org.vigil.kernel.v4l2.Fault;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.kernel.v4l2.VideoNode;
import org.vigil.kernel.v4l2.VideoNodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the node a camera's device selector means now, each time the camera opens: a /dev/v4l/by-id link is followed
 * afresh (a camera plugged into another port gets another /dev/videoN), a card name is looked up among the nodes.
 * Also tells whether what a selector points at has changed, cheaply enough to ask four times a second while a camera
 * is down, so that a camera that comes back is opened at once rather than at the end of a backoff.
 */
final class DeviceLocator {
    private static final Path SYSFS = Path.of("/sys/class/video4linux");

    private DeviceLocator() {
    }

    static Path locate(DeviceSelector selector) throws V4l2Exception {
        if (selector instanceof DeviceSelector.ByPath byPath) {
            return byPath.path();
        }
        String card = ((DeviceSelector.ByCard) selector).card();
        List<VideoNode> nodes = VideoNodes.list();
        for (VideoNode node : nodes) {
            if (node.captures() && node.capability().card().equals(card)) {
                return node.device();
            }
        }
        String present = nodes.stream().filter(VideoNode::captures).map(node -> "'" + node.capability().card() + "'")
                .distinct().collect(Collectors.joining(", "));
        throw new V4l2Exception("card '" + card + "'", null, 0, "no capture device has this card name (present: "
                + (present.isEmpty() ? "none" : present) + ")", "plug it in, or fix the name: `vigil devices` lists them",
                Fault.GONE);
    }

    /**
     * A description of what the selector points at that changes when a device comes, goes or gets a producer: the
     * node's identity and, for a loopback, the format its producer holds (sysfs); for a card, every node's name.
     */
    static String fingerprint(DeviceSelector selector) {
        if (selector instanceof DeviceSelector.ByPath byPath) {
            Path path = byPath.path();
            try {
                Path real = path.toRealPath();
                Path format = SYSFS.resolve(real.getFileName().toString()).resolve("format");
                return real + " " + Files.getAttribute(real, "unix:ctime") + " "
                        + (Files.exists(format) ? Files.readString(format).strip() : "");
            } catch (IOException | UnsupportedOperationException e) {
                return "absent";
            }
        }
        try (Stream<Path> entries = Files.list(SYSFS)) {
            return entries.sorted().map(entry -> {
                try {
                    return entry.getFileName() + "=" + Files.readString(entry.resolve("name")).strip();
                } catch (IOException e) {
                    return entry.getFileName().toString();
                }
            }).collect(Collectors.joining(","));
        } catch (IOException e) {
            return "no video nodes";
        }
    }
}
