package org.vigil.kernel.v4l2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists video nodes the way vloopback users scanned /proc/video/vloopback, but for today's kernels:
 * each /sys/class/video4linux/videoN with its name, then a QUERYCAP on /dev/videoN for the driver and
 * whether it captures or outputs.
 */
public final class VideoNodes {
    private static final Path SYSFS = Path.of("/sys/class/video4linux");
    private static final Path DEV = Path.of("/dev");

    private VideoNodes() {
    }

    /** Every /dev/videoN node, in number order; a node that cannot be opened is listed with the reason. */
    public static List<VideoNode> list() {
        return list(SYSFS, DEV);
    }

    static List<VideoNode> list(Path sysfs, Path dev) {
        List<VideoNode> nodes = new ArrayList<>();
        if (!Files.isDirectory(sysfs)) {
            return nodes;
        }
        try (Stream<Path> entries = Files.list(sysfs)) {
            entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.matches("video\\d+"))
                    .sorted(Comparator.comparingInt(name -> Integer.parseInt(name.substring(5))))
                    .forEach(name -> nodes.add(describe(dev.resolve(name), readName(sysfs.resolve(name)))));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + sysfs + ": " + e.getMessage(), e);
        }
        return nodes;
    }

    private static VideoNode describe(Path device, String name) {
        try (V4l2Device opened = V4l2Device.open(device)) {
            return new VideoNode(device, name, opened.capability(), null);
        } catch (V4l2Exception e) {
            return new VideoNode(device, name, null, e.getMessage());
        }
    }

    private static String readName(Path entry) {
        try {
            return Files.readString(entry.resolve("name")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
