package org.vigil.kernel.v4l2;

/** The path names no device: it does not exist, or no driver stands behind the node. */
public class DeviceNotFoundException extends V4l2Exception {
    public DeviceNotFoundException(String device, String call, int errno) {
        super(device, call, errno, "no such video device",
                "check the path; `vigil devices` or `v4l2-ctl --list-devices` lists the cameras present", Fault.GONE);
    }
}
