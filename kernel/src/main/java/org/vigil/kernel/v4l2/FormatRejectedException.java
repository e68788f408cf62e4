package org.vigil.kernel.v4l2;

import java.util.List;

/** The device refused a format or size; the message lists what it offers instead. */
public class FormatRejectedException extends V4l2Exception {
    private final PixFormat requested;
    private final PixFormat offered;
    private final List<String> supported;

    /**
     * @param offered   what the driver chose instead (null when it refused outright)
     * @param supported one line per supported format, e.g. "YUYV: 320x180, 640x360", for the message
     */
    public FormatRejectedException(String device, String call, int errno, PixFormat requested, PixFormat offered,
                                   List<String> supported) {
        super(device, call, errno, describe(requested, offered),
                supported.isEmpty() ? "the device lists no formats for this buffer type"
                        : "choose one the device offers: " + String.join("; ", supported), Fault.CONFIG);
        this.requested = requested;
        this.offered = offered;
        this.supported = List.copyOf(supported);
    }

    public PixFormat requested() {
        return requested;
    }

    /** What the driver adjusted the request to, or null. */
    public PixFormat offered() {
        return offered;
    }

    public List<String> supported() {
        return supported;
    }

    private static String describe(PixFormat requested, PixFormat offered) {
        String wanted = requested.describeRequest();
        return offered == null
                ? "format " + wanted + " refused"
                : "format " + wanted + " not supported, the driver offered " + offered.describeRequest();
    }
}
