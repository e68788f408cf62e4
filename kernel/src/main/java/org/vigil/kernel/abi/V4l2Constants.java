package org.vigil.kernel.abi;

/** videodev2.h constants vigil uses; each is checked against the system header by the ABI test. */
public final class V4l2Constants {
    // enum v4l2_buf_type
    @CMacro("V4L2_BUF_TYPE_VIDEO_CAPTURE") public static final int BUF_TYPE_VIDEO_CAPTURE = 1;
    @CMacro("V4L2_BUF_TYPE_VIDEO_OUTPUT") public static final int BUF_TYPE_VIDEO_OUTPUT = 2;

    // enum v4l2_memory
    @CMacro("V4L2_MEMORY_MMAP") public static final int MEMORY_MMAP = 1;

    // enum v4l2_field
    @CMacro("V4L2_FIELD_ANY") public static final int FIELD_ANY = 0;
    @CMacro("V4L2_FIELD_NONE") public static final int FIELD_NONE = 1;

    // struct v4l2_capability capabilities / device_caps
    @CMacro("V4L2_CAP_VIDEO_CAPTURE") public static final int CAP_VIDEO_CAPTURE = 0x00000001;
    @CMacro("V4L2_CAP_VIDEO_OUTPUT") public static final int CAP_VIDEO_OUTPUT = 0x00000002;
    @CMacro("V4L2_CAP_VIDEO_CAPTURE_MPLANE") public static final int CAP_VIDEO_CAPTURE_MPLANE = 0x00001000;
    @CMacro("V4L2_CAP_VIDEO_OUTPUT_MPLANE") public static final int CAP_VIDEO_OUTPUT_MPLANE = 0x00002000;
    @CMacro("V4L2_CAP_VIDEO_M2M") public static final int CAP_VIDEO_M2M = 0x00008000;
    @CMacro("V4L2_CAP_META_CAPTURE") public static final int CAP_META_CAPTURE = 0x00800000;
    @CMacro("V4L2_CAP_READWRITE") public static final int CAP_READWRITE = 0x01000000;
    @CMacro("V4L2_CAP_STREAMING") public static final int CAP_STREAMING = 0x04000000;
    @CMacro("V4L2_CAP_DEVICE_CAPS") public static final int CAP_DEVICE_CAPS = 0x80000000;

    // struct v4l2_streamparm capability
    @CMacro("V4L2_CAP_TIMEPERFRAME") public static final int CAP_TIMEPERFRAME = 0x1000;

    // struct v4l2_buffer flags
    @CMacro("V4L2_BUF_FLAG_MAPPED") public static final int BUF_FLAG_MAPPED = 0x00000001;
    @CMacro("V4L2_BUF_FLAG_QUEUED") public static final int BUF_FLAG_QUEUED = 0x00000002;
    @CMacro("V4L2_BUF_FLAG_DONE") public static final int BUF_FLAG_DONE = 0x00000004;
    @CMacro("V4L2_BUF_FLAG_ERROR") public static final int BUF_FLAG_ERROR = 0x00000040;
    @CMacro("V4L2_BUF_FLAG_TIMESTAMP_MASK") public static final int BUF_FLAG_TIMESTAMP_MASK = 0x0000e000;
    @CMacro("V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC") public static final int BUF_FLAG_TIMESTAMP_MONOTONIC = 0x00002000;

    // enum v4l2_frmsizetypes / v4l2_frmivaltypes
    @CMacro("V4L2_FRMSIZE_TYPE_DISCRETE") public static final int FRMSIZE_TYPE_DISCRETE = 1;
    @CMacro("V4L2_FRMSIZE_TYPE_CONTINUOUS") public static final int FRMSIZE_TYPE_CONTINUOUS = 2;
    @CMacro("V4L2_FRMSIZE_TYPE_STEPWISE") public static final int FRMSIZE_TYPE_STEPWISE = 3;
    @CMacro("V4L2_FRMIVAL_TYPE_DISCRETE") public static final int FRMIVAL_TYPE_DISCRETE = 1;
    @CMacro("V4L2_FRMIVAL_TYPE_CONTINUOUS") public static final int FRMIVAL_TYPE_CONTINUOUS = 2;
    @CMacro("V4L2_FRMIVAL_TYPE_STEPWISE") public static final int FRMIVAL_TYPE_STEPWISE = 3;

    // enum v4l2_ctrl_type
    @CMacro("V4L2_CTRL_TYPE_INTEGER") public static final int CTRL_TYPE_INTEGER = 1;
    @CMacro("V4L2_CTRL_TYPE_BOOLEAN") public static final int CTRL_TYPE_BOOLEAN = 2;
    @CMacro("V4L2_CTRL_TYPE_MENU") public static final int CTRL_TYPE_MENU = 3;
    @CMacro("V4L2_CTRL_TYPE_BUTTON") public static final int CTRL_TYPE_BUTTON = 4;
    @CMacro("V4L2_CTRL_TYPE_INTEGER64") public static final int CTRL_TYPE_INTEGER64 = 5;
    @CMacro("V4L2_CTRL_TYPE_CTRL_CLASS") public static final int CTRL_TYPE_CTRL_CLASS = 6;
    @CMacro("V4L2_CTRL_TYPE_STRING") public static final int CTRL_TYPE_STRING = 7;
    @CMacro("V4L2_CTRL_TYPE_BITMASK") public static final int CTRL_TYPE_BITMASK = 8;
    @CMacro("V4L2_CTRL_TYPE_INTEGER_MENU") public static final int CTRL_TYPE_INTEGER_MENU = 9;

    // struct v4l2_queryctrl flags, and the id flag that walks all controls
    @CMacro("V4L2_CTRL_FLAG_DISABLED") public static final int CTRL_FLAG_DISABLED = 0x0001;
    @CMacro("V4L2_CTRL_FLAG_GRABBED") public static final int CTRL_FLAG_GRABBED = 0x0002;
    @CMacro("V4L2_CTRL_FLAG_READ_ONLY") public static final int CTRL_FLAG_READ_ONLY = 0x0004;
    @CMacro("V4L2_CTRL_FLAG_INACTIVE") public static final int CTRL_FLAG_INACTIVE = 0x0010;
    @CMacro("V4L2_CTRL_FLAG_WRITE_ONLY") public static final int CTRL_FLAG_WRITE_ONLY = 0x0040;
    @CMacro("V4L2_CTRL_FLAG_NEXT_CTRL") public static final int CTRL_FLAG_NEXT_CTRL = 0x80000000;

    // pixel formats (v4l2_fourcc)
    @CMacro("V4L2_PIX_FMT_YUYV") public static final int PIX_FMT_YUYV = 0x56595559;
    @CMacro("V4L2_PIX_FMT_YUV420") public static final int PIX_FMT_YUV420 = 0x32315559;
    @CMacro("V4L2_PIX_FMT_NV12") public static final int PIX_FMT_NV12 = 0x3231564E;
    @CMacro("V4L2_PIX_FMT_GREY") public static final int PIX_FMT_GREY = 0x59455247;
    @CMacro("V4L2_PIX_FMT_MJPEG") public static final int PIX_FMT_MJPEG = 0x47504A4D;
    @CMacro("V4L2_PIX_FMT_RGB24") public static final int PIX_FMT_RGB24 = 0x33424752;
    @CMacro("V4L2_PIX_FMT_BGR24") public static final int PIX_FMT_BGR24 = 0x33524742;

    private V4l2Constants() {
    }
}
