package org.vigil.vloop;

import org.vigil.kernel.v4l2.Fault;
import org.vigil.kernel.v4l2.V4l2Exception;

/** The picture is larger than the module's max_width/max_height allow; v4l2loopback would silently shrink it. */
public class PipeTooLargeException extends V4l2Exception {
    /**
     * @param call the ioctl that showed it (VIDIOC_S_FMT), or null when the module's parameters did before any call
     */
    public PipeTooLargeException(String device, String call, String problem, String remedy) {
        super(device, call, 0, problem, remedy, Fault.CONFIG);
    }
}
