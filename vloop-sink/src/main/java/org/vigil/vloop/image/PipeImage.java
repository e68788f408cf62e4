package org.vigil.vloop.image;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.vigil.opencv.MatViews;

import java.nio.ByteBuffer;

/**
 * One destination buffer of a pipe: the staging buffer of write() mode, or one of the driver's mapped buffers in
 * mmap mode, so a conversion (and the annotator after it) renders straight into the memory that is then published.
 * Its rows are always packed. Its Mat headers (for I420, one per plane; for YUYV, pixel-pair quads too) are made
 * once, when first asked for; a plain copy needs none.
 */
public final class PipeImage implements AutoCloseable {
    private final ImageLayout layout;
    private final int width;
    private final int height;
    private final ByteBuffer buffer;
    private final long address;
    private Mat whole;
    private Mat quads;
    private Mat luma;
    private Mat blue;
    private Mat red;
    private Mat chroma;

    private PipeImage(ImageLayout layout, int width, int height, ByteBuffer buffer) {
        this.layout = layout;
        this.width = width;
        this.height = height;
        this.buffer = buffer;
        this.address = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    }

    /** A picture over a direct buffer that holds at least one packed picture in the pipe's layout, from its first byte. */
    public static PipeImage over(ByteBuffer buffer, ImageLayout layout, int width, int height) {
        layout.requireSize(width, height);
        if (layout != ImageLayout.YUYV && layout != ImageLayout.I420 && layout != ImageLayout.GREY) {
            throw new IllegalArgumentException("pipes carry YUYV, I420 or GREY pictures, not " + layout);
        }
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("a pipe picture must be in a direct ByteBuffer (native memory)");
        }
        int bytes = layout.imageBytes(width, height);
        if (buffer.capacity() < bytes) {
            throw new IllegalArgumentException("a " + width + "x" + height + " " + layout.name() + " picture needs "
                    + bytes + " bytes, the buffer holds " + buffer.capacity());
        }
        return new PipeImage(layout, width, height, buffer);
    }

    public ImageLayout layout() {
        return layout;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The destination buffer, from its first byte. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Native address of the first byte. */
    public long address() {
        return address;
    }

    /** The whole picture in its layout's Mat shape. */
    public Mat whole() {
        if (whole == null) {
            whole = MatViews.over(buffer, layout.matRows(height), width, layout.matType(), layout.packedRowBytes(width));
        }
        return whole;
    }

    /** YUYV: the picture as (Y0 U Y1 V) pixel pairs, height x width/2, for drawing in colour in one pass. */
    public Mat quads() {
        if (layout != ImageLayout.YUYV) {
            throw new IllegalStateException("pixel-pair quads exist for YUYV pictures, this one is " + layout);
        }
        if (quads == null) {
            quads = MatViews.packedQuads(buffer, width, height, 2L * width);
        }
        return quads;
    }

    /** I420 and GREY: the Y plane. */
    public Mat luma() {
        if (layout == ImageLayout.GREY) {
            return whole();
        }
        requireI420("luma");
        if (luma == null) {
            luma = plane(0, height, width, width);
        }
        return luma;
    }

    /** I420: the U (Cb) plane, half width and half height. */
    public Mat blueDifference() {
        requireI420("U");
        if (blue == null) {
            blue = plane(width * height, height / 2, width / 2, width / 2);
        }
        return blue;
    }

    /** I420: the V (Cr) plane. */
    public Mat redDifference() {
        requireI420("V");
        if (red == null) {
            red = plane(width * height * 5 / 4, height / 2, width / 2, width / 2);
        }
        return red;
    }

    /** I420: both chroma planes as one Mat of height/2 rows of width bytes, for filling them together. */
    public Mat chroma() {
        requireI420("chroma");
        if (chroma == null) {
            chroma = plane(width * height, height / 2, width, width);
        }
        return chroma;
    }

    private Mat plane(long offset, int rows, int cols, long stride) {
        return MatViews.over(buffer, offset, rows, cols, CvType.CV_8UC1, stride);
    }

    private void requireI420(String name) {
        if (layout != ImageLayout.I420) {
            throw new IllegalStateException("a " + name + " plane exists for I420 pictures, this one is " + layout);
        }
    }

    @Override
    public void close() {
        for (Mat mat : new Mat[] {whole, quads, luma, blue, red, chroma}) {
            if (mat != null) {
                mat.release();
            }
        }
    }
}
