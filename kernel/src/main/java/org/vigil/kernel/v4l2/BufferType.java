package org.vigil.kernel.v4l2;

import org.vigil.kernel.abi.V4l2Constants;

/** The single-planar buffer types vigil uses: capture from a camera, output into a loopback. */
public enum BufferType {
    VIDEO_CAPTURE(V4l2Constants.BUF_TYPE_VIDEO_CAPTURE),
    VIDEO_OUTPUT(V4l2Constants.BUF_TYPE_VIDEO_OUTPUT);

    private final int code;

    BufferType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
