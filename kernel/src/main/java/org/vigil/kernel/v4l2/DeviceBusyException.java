package org.vigil.kernel.v4l2;

/** EBUSY: another file handle owns the device's buffers (someone else is streaming from it). */
public class DeviceBusyException extends V4l2Exception {
    public DeviceBusyException(String device, String call, int errno, String problem) {
        super(device, call, errno, problem + ": another program is using this device",
                "stop the other program (`fuser -v " + device + "` names it) or use another device", Fault.TRANSIENT);
    }
}
