package org.vigil.kernel.v4l2;

/**
 * The node exists but cannot deliver frames: an output-only node or a mode the device lacks ({@link Fault#CONFIG}),
 * or a loopback with no producer yet ({@link Fault#TRANSIENT}: one may attach).
 */
public class CannotCaptureException extends V4l2Exception {
    public CannotCaptureException(String device, String call, int errno, String problem, String remedy) {
        this(device, call, errno, problem, remedy, Fault.CONFIG);
    }

    public CannotCaptureException(String device, String call, int errno, String problem, String remedy, Fault fault) {
        super(device, call, errno, problem, remedy, fault);
    }
}
