package org.vigil.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What can be told about a device path without opening it, from the file system alone: whether it is a V4L2 node
 * (a character device of major 81), and the node a link such as /dev/v4l/by-id/... stands for.
 */
final class DevicePaths {
    /** The major number of video4linux character devices (Documentation/admin-guide/devices.txt). */
    static final int V4L2_MAJOR = 81;
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    private DevicePaths() {
    }

    /** Why this path cannot be a camera, or empty when it can (or does not exist yet, which the daemon waits out). */
    static Optional<String> problem(Path device) {
        if (!Files.exists(device)) {
            return Optional.empty();
        }
        try {
            int mode = (Integer) Files.getAttribute(device, "unix:mode");
            if ((mode & S_IFMT) != S_IFCHR) {
                String kind = Files.isDirectory(device) ? "a directory" : Files.isRegularFile(device) ? "a regular file"
                        : "not a character device";
                return Optional.of(device + " is " + kind + ", not a video device: point it at a /dev/videoN node "
                        + "(`vigil devices` lists them)");
            }
            long rdev = (Long) Files.getAttribute(device, "unix:rdev");
            int major = (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
            if (major != V4L2_MAJOR) {
                return Optional.of(device + " is a character device of another kind (major " + major + "), not a V4L2 "
                        + "video device (major " + V4L2_MAJOR + "): it cannot capture; `vigil devices` lists the cameras");
            }
        } catch (IOException | UnsupportedOperationException | ClassCastException e) {
            return Optional.empty(); // the open will tell
        }
        return Optional.empty();
    }

    /** The node a path stands for (links followed), or the path itself when it does not exist. */
    static Path identity(Path device) {
        try {
            return device.toRealPath();
        } catch (IOException e) {
            return device.toAbsolutePath().normalize();
        }
    }
}
