package org.vigil.core.record;

import org.opencv.core.CvType;
import org.opencv.imgproc.Imgproc;
import org.vigil.kernel.v4l2.FourCC;

/**
 * A camera's pixel format as the recorder keeps it: tightly packed rows, what ffmpeg calls it, how OpenCV turns it
 * into BGR for a JPEG. MJPEG frames are kept as the camera sent them.
 */
public enum RecordedFormat {
    YUYV(FourCC.YUYV, "yuyv422", Imgproc.COLOR_YUV2BGR_YUYV, 2, 1, CvType.CV_8UC2),
    UYVY(FourCC.of("UYVY"), "uyvy422", Imgproc.COLOR_YUV2BGR_UYVY, 2, 1, CvType.CV_8UC2),
    YU12(FourCC.YU12, "yuv420p", Imgproc.COLOR_YUV2BGR_I420, 1, 1.5, CvType.CV_8UC1),
    NV12(FourCC.NV12, "nv12", Imgproc.COLOR_YUV2BGR_NV12, 1, 1.5, CvType.CV_8UC1),
    GREY(FourCC.GREY, "gray", Imgproc.COLOR_GRAY2BGR, 1, 1, CvType.CV_8UC1),
    RGB24(FourCC.of("RGB3"), "rgb24", Imgproc.COLOR_RGB2BGR, 3, 1, CvType.CV_8UC3),
    MJPEG(FourCC.MJPG, "mjpeg", -1, 0, 0, CvType.CV_8UC1);

    private final int fourcc;
    private final String ffmpegName;
    private final int toBgr;
    private final int bytesPerPixelInRow;
    private final double rowsPerHeight;
    private final int matType;

    RecordedFormat(int fourcc, String ffmpegName, int toBgr, int bytesPerPixelInRow, double rowsPerHeight, int matType) {
        this.fourcc = fourcc;
        this.ffmpegName = ffmpegName;
        this.toBgr = toBgr;
        this.bytesPerPixelInRow = bytesPerPixelInRow;
        this.rowsPerHeight = rowsPerHeight;
        this.matType = matType;
    }

    /** The recorder's format for a V4L2 pixel format, or null when it records none of it. */
    public static RecordedFormat of(int fourcc) {
        for (RecordedFormat format : values()) {
            if (format.fourcc == fourcc) {
                return format;
            }
        }
        return null;
    }

    public boolean compressed() {
        return this == MJPEG;
    }

    /** ffmpeg's -pix_fmt for raw input (or its demuxer, for MJPEG). */
    public String ffmpegName() {
        return ffmpegName;
    }

    /** Bytes of one frame, tightly packed (for MJPEG: the driver's sizeimage, the largest a frame can be). */
    public int frameBytes(int width, int height, int sizeImage) {
        return compressed() ? sizeImage : (int) Math.round(width * bytesPerPixelInRow * height * rowsPerHeight);
    }

    /** Bytes of one row of the first plane, tightly packed. */
    public int rowBytes(int width) {
        return width * bytesPerPixelInRow;
    }

    /** Whether a padded row length (bytes-per-line above the tight one) can be packed by copying rows: packed formats. */
    public boolean packedSinglePlane() {
        return this == YUYV || this == UYVY || this == GREY || this == RGB24;
    }

    /** OpenCV's conversion to BGR (cvtColor code). */
    public int toBgrCode() {
        return toBgr;
    }

    /** The Mat a frame is viewed as for cvtColor: rows and type. */
    public int matRows(int height) {
        return (int) Math.round(height * rowsPerHeight);
    }

    public int matType() {
        return matType;
    }
}
