package org.vigil.kernel.v4l2;

/** ENODEV/ENXIO mid-use: the camera was unplugged or its driver unbound. */
public class DeviceVanishedException extends V4l2Exception {
    public DeviceVanishedException(String device, String call, int errno, String problem) {
        super(device, call, errno, problem + ": the device has gone",
                "check the cable and `dmesg`; the device must be reopened when it returns", Fault.GONE);
    }
}
