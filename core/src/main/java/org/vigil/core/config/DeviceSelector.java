package org.vigil.core.config;

import java.nio.file.Path;

/** Which device a camera reads: a path (a /dev/videoN node or a /dev/v4l/by-id link), or the node whose card matches. */
public sealed interface DeviceSelector {

    /** A node or a link to one; links are followed when the camera opens, so a re-plugged camera is found again. */
    record ByPath(Path path) implements DeviceSelector {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** The capture node whose QUERYCAP card name is this (as `v4l2-ctl --list-devices` prints it). */
    record ByCard(String card) implements DeviceSelector {
        @Override
        public String toString() {
            return "card '" + card + "'";
        }
    }
}
