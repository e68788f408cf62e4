package org.vigil.kernel.v4l2;

import org.vigil.kernel.abi.V4l2Constants;

/**
 * A single-planar image format (struct v4l2_pix_format): as requested (bytesPerLine and sizeImage 0,
 * the driver fills them in) or as the driver reports it.
 */
public record PixFormat(int width, int height, int pixelFormat, int field, int bytesPerLine, int sizeImage,
                        int colorspace) {

    /** A request for a progressive frame of this size and format; the driver computes the strides. */
    public static PixFormat request(int width, int height, int pixelFormat) {
        return new PixFormat(width, height, pixelFormat, V4l2Constants.FIELD_NONE, 0, 0, 0);
    }

    public String fourcc() {
        return FourCC.name(pixelFormat);
    }

    /** Whether the size and pixel format match a request (strides and colorspace are the driver's business). */
    public boolean matches(PixFormat request) {
        return width == request.width && height == request.height && pixelFormat == request.pixelFormat;
    }

    /** "640x480 YUYV". */
    public String describeRequest() {
        return width + "x" + height + " " + fourcc();
    }

    @Override
    public String toString() {
        return describeRequest() + " (" + bytesPerLine + " bytes/line, " + sizeImage + " bytes/frame)";
    }
}
