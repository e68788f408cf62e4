package org.vigil.kernel.v4l2;

/** The node exists but cannot deliver frames: an output-only node, or a loopback with no producer yet. */
public class CannotCaptureException extends V4l2Exception {
    public CannotCaptureException(String device, String call, int errno, String problem, String remedy) {
        super(device, call, errno, problem, remedy);
    }
}
