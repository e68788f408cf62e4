package org.vigil.vloop;

import org.vigil.kernel.v4l2.Fault;
import org.vigil.kernel.v4l2.V4l2Exception;

/** The node exists but is not a v4l2loopback pipe, so no viewer would ever see what is written to it. */
public class NotALoopbackException extends V4l2Exception {
    public NotALoopbackException(String device, String problem, String remedy) {
        super(device, null, 0, problem, remedy, Fault.CONFIG);
    }
}
