package org.vigil.core.cli;

import org.vigil.core.config.CameraConfig;

/** One line about a configured camera, for check-config and the daemon's start. */
final class CameraSummary {
    private CameraSummary() {
    }

    static String of(CameraConfig camera) {
        return camera.name() + ": " + camera.device() + ", " + camera.size() + " " + camera.pixelFormat()
                + (camera.fps() == 0 ? "" : " at " + camera.fps() + " fps") + ", detector " + camera.detector().name()
                + " at " + (camera.detectionFps() == 0 ? "every frame" : camera.detectionFps() + " fps")
                + ", feed " + camera.loopback().feed().map(Object::toString).orElse("off")
                + camera.loopback().motionPipe().map(pipe -> ", motion picture " + pipe).orElse("");
    }
}
