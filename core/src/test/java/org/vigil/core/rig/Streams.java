package org.vigil.core.rig;

import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.pipeline.CameraPipeline;
import org.vigil.opencv.OpenCvNatives;

import java.time.Duration;
import java.util.List;

/** Waits on a running daemon's cameras. */
final class Streams {
    private Streams() {
    }

    /**
     * Waits for the cameras to stream, the timeout counted from when OpenCV is loaded: the first cameras of a JVM load
     * it before they open, which took 20 s in the emulated guest as a rule and over two minutes once when the host
     * was busy.
     */
    static void awaitStreaming(Daemon daemon, List<String> cameras, Duration timeout) throws InterruptedException {
        OpenCvNatives.load(); // waits on the class initialisation the camera threads may be running
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String name : cameras) {
            while (daemon.camera(name).state() != CameraPipeline.State.STREAMING) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("camera " + name + " is " + daemon.camera(name).state() + " after " + timeout
                            + ": " + daemon.camera(name).problem());
                }
                Thread.sleep(50);
            }
        }
    }

    /** Waits until the camera has taken {@code count} more frames. */
    static void awaitFrames(CameraPipeline camera, long count, Duration timeout) throws InterruptedException {
        long target = camera.counters().framesIn() + count;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (camera.counters().framesIn() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("camera " + camera.name() + " took " + (count - (target - camera.counters().framesIn()))
                        + " of " + count + " frames in " + timeout + " (" + camera.state() + ": " + camera.problem() + ")");
            }
            Thread.sleep(20);
        }
    }
}
