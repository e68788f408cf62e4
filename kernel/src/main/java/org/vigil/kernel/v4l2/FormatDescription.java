package org.vigil.kernel.v4l2;

/** One entry of VIDIOC_ENUM_FMT. */
public record FormatDescription(int index, int pixelFormat, String description, int flags) {
    public String fourcc() {
        return FourCC.name(pixelFormat);
    }
}
