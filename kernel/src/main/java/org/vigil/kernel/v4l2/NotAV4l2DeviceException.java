package org.vigil.kernel.v4l2;

/** The path exists but is not a V4L2 node (a regular file, /dev/null, a directory...). */
public class NotAV4l2DeviceException extends V4l2Exception {
    public NotAV4l2DeviceException(String device, String call, int errno, String what) {
        super(device, call, errno, what + ", not a V4L2 video device",
                "point vigil at a /dev/videoN node; `vigil devices` or `v4l2-ctl --list-devices` lists them", Fault.CONFIG);
    }
}
