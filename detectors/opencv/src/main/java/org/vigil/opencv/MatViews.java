package org.vigil.opencv;

import java.nio.ByteBuffer;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Mat headers over direct buffers (a camera's mmap buffers, a pipe's driver buffers), checked before OpenCV sees
 * them: OpenCV accepts a buffer too small for the header it is asked to make and then reads past its end. A header
 * copies nothing and owns nothing; it is valid only while the buffer's memory is, so never requeue or unmap a buffer
 * while a Mat over it is in use. Also the shapes a packed 4:2:2 frame takes: two bytes a pixel (Y, U|V), four bytes
 * a pixel pair (Y0 U Y1 V for YUYV, U Y0 V Y1 for UYVY), and the even rows alone as such quads.
 */
public final class MatViews {
    private MatViews() {
    }

    /**
     * A rows x cols header of the given type at {@code offset} bytes into the buffer, rows {@code stride} bytes apart.
     *
     * @throws IllegalArgumentException a heap buffer, a stride shorter than a row, or a buffer too small
     */
    public static Mat over(ByteBuffer buffer, long offset, int rows, int cols, int type, long stride) {
        OpenCvNatives.load();
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("only a direct ByteBuffer (native memory such as a mapped camera buffer) "
                    + "can be wrapped without a copy");
        }
        long rowBytes = (long) cols * CvType.ELEM_SIZE(type);
        if (rows <= 0 || cols <= 0 || stride < rowBytes) {
            throw new IllegalArgumentException("a " + cols + "x" + rows + " " + CvType.typeToString(type)
                    + " image needs a stride of at least " + rowBytes + " bytes, got " + stride);
        }
        long needed = offset + stride * (rows - 1) + rowBytes;
        if (buffer.capacity() < needed) {
            throw new IllegalArgumentException("buffer of " + buffer.capacity() + " bytes is too small for a " + cols + "x"
                    + rows + " " + CvType.typeToString(type) + " image with a stride of " + stride + " at offset " + offset
                    + " (needs " + needed + "): check the negotiated format's bytesperline and sizeimage");
        }
        ByteBuffer from = offset == 0 ? buffer : buffer.slice((int) offset, (int) (needed - offset));
        return new Mat(rows, cols, type, from, stride);
    }

    public static Mat over(ByteBuffer buffer, int rows, int cols, int type, long stride) {
        return over(buffer, 0, rows, cols, type, stride);
    }

    /** A packed 4:2:2 frame as two-byte pixels (Y, then U or V), the shape cvtColor's YUV 4:2:2 codes read. */
    public static Mat packedPairs(ByteBuffer buffer, int width, int height, long stride) {
        requireEvenWidth(width);
        return over(buffer, height, width, CvType.CV_8UC2, stride);
    }

    /**
     * A packed 4:2:2 frame as four-byte pixel pairs: a 2x2 area average of such quads is again a valid frame of half
     * the size, and drawing into them with (Y, U, Y, V) colours them in one pass.
     */
    public static Mat packedQuads(ByteBuffer buffer, int width, int height, long stride) {
        requireEvenWidth(width);
        return over(buffer, height, width / 2, CvType.CV_8UC4, stride);
    }

    /** The even rows of a packed 4:2:2 frame as quads: the chroma of 4:2:0 taken from the even lines, without a copy. */
    public static Mat packedEvenRowQuads(ByteBuffer buffer, int width, int height, long stride) {
        requireEvenWidth(width);
        return over(buffer, height / 2, width / 2, CvType.CV_8UC4, 2 * stride);
    }

    private static void requireEvenWidth(int width) {
        if (width % 2 != 0) {
            throw new IllegalArgumentException("packed 4:2:2 frames have an even width (pixels share chroma in pairs), got " + width);
        }
    }
}
