package org.vigil.vloop;

import org.vigil.kernel.v4l2.Fault;
import org.vigil.kernel.v4l2.V4l2Exception;

/** Another producer holds the pipe with a format of its own (or, with exclusive_caps=1, holds it at all). */
public class PipeHeldException extends V4l2Exception {
    public PipeHeldException(String device, String problem, String remedy) {
        super(device, null, 0, problem, remedy, Fault.TRANSIENT);
    }
}
