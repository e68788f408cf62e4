package org.vigil.kernel.v4l2;

import org.vigil.kernel.abi.V4l2Constants;

/** What VIDIOC_QUERYCAP reports about a node. */
public record Capability(String driver, String card, String busInfo, int version, int capabilities, int deviceCaps) {

    /** The driver name v4l2loopback reports. */
    public static final String LOOPBACK_DRIVER = "v4l2 loopback";

    /** The node's own capabilities: device_caps when the driver fills it in, else the whole device's. */
    public int nodeCaps() {
        return (capabilities & V4l2Constants.CAP_DEVICE_CAPS) != 0 ? deviceCaps : capabilities;
    }

    public boolean canCapture() {
        return has(V4l2Constants.CAP_VIDEO_CAPTURE);
    }

    public boolean canOutput() {
        return has(V4l2Constants.CAP_VIDEO_OUTPUT);
    }

    public boolean canStream() {
        return has(V4l2Constants.CAP_STREAMING);
    }

    public boolean canReadWrite() {
        return has(V4l2Constants.CAP_READWRITE);
    }

    /** Multi-planar capture only: vigil's single-planar capture cannot use such a node. */
    public boolean capturesMultiplanarOnly() {
        return !canCapture() && has(V4l2Constants.CAP_VIDEO_CAPTURE_MPLANE);
    }

    public boolean isLoopback() {
        return LOOPBACK_DRIVER.equals(driver);
    }

    /** "2.6.3" from the KERNEL_VERSION-encoded version field. */
    public String versionText() {
        return (version >>> 16 & 0xff) + "." + (version >>> 8 & 0xff) + "." + (version & 0xff);
    }

    private boolean has(int flag) {
        return (nodeCaps() & flag) != 0;
    }
}
