package org.vigil.kernel.v4l2;

/** The node cannot take frames written to it (a camera, or an output node without write()/streaming). */
public class CannotOutputException extends V4l2Exception {
    public CannotOutputException(String device, String problem, String remedy) {
        super(device, null, 0, problem, remedy, Fault.CONFIG);
    }
}
