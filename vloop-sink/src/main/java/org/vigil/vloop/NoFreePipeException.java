package org.vigil.vloop;

import org.vigil.kernel.v4l2.Fault;
import org.vigil.kernel.v4l2.V4l2Exception;

/** No v4l2loopback node fits the choice: none loaded, none with the label, or every one held by another producer. */
public class NoFreePipeException extends V4l2Exception {
    public NoFreePipeException(String wanted, String problem, String remedy) {
        super(wanted, null, 0, problem, remedy, Fault.TRANSIENT);
    }
}
