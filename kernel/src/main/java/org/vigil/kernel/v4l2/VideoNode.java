package org.vigil.kernel.v4l2;

import java.nio.file.Path;

/**
 * A video node found in /sys/class/video4linux.
 *
 * @param capability what QUERYCAP said, or null when the node could not be opened
 * @param problem    why it could not be opened, or null
 */
public record VideoNode(Path device, String name, Capability capability, String problem) {

    public boolean captures() {
        return capability != null && capability.canCapture();
    }

    public boolean outputs() {
        return capability != null && capability.canOutput();
    }

    public boolean isLoopback() {
        return capability != null && capability.isLoopback();
    }

    public String driver() {
        return capability == null ? "?" : capability.driver();
    }

    /** "/dev/video0  vivid  capture  'vivid-000-vid-cap'". */
    @Override
    public String toString() {
        String role = captures() && outputs() ? "capture+output" : captures() ? "capture" : outputs() ? "output" : "-";
        return device + "  " + driver() + "  " + role + "  '" + name + "'" + (problem == null ? "" : "  (" + problem + ")");
    }
}
