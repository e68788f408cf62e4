package org.vigil.kernel.v4l2;

/** poll() timed out: the camera stalled (or a loopback's producer stopped); reported rather than waited on forever. */
public class FrameTimeoutException extends V4l2Exception {
    private final long timeoutMillis;

    public FrameTimeoutException(String device, String what, long timeoutMillis) {
        super(device, "poll", 0, what + " within " + timeoutMillis + " ms",
                "the device stalled; check the camera (or the loopback's producer) and `dmesg`", Fault.TRANSIENT);
        this.timeoutMillis = timeoutMillis;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }
}
