package org.vigil.vloop.image;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.ByteBuffer;

/**
 * One picture the pipeline hands in: a camera buffer, a raw buffer or a caller's Mat. Made once per distinct
 * buffer (see {@link SourceImages}) and reused for every frame that lands in it, so nothing is allocated per frame.
 * A buffer's Mat headers are made only when a conversion first asks for them: a picture already in the pipe's
 * layout is copied or written as it is, without OpenCV. The views some conversions need (the even rows of a YUYV
 * frame as Y0 U Y1 V quads, the luma plane of an I420 frame) are made on first use and kept.
 */
public final class SourceImage implements AutoCloseable {
    private final ImageLayout layout;
    private final int width;
    private final int height;
    private final ByteBuffer buffer;
    private final long address;
    private final long rowBytes;
    private final Mat callerMat;
    private Mat whole;
    private Mat evenRowQuads;
    private Mat lumaPlane;

    private SourceImage(ImageLayout layout, int width, int height, ByteBuffer buffer, long address, long rowBytes,
                        Mat callerMat) {
        this.layout = layout;
        this.width = width;
        this.height = height;
        this.buffer = buffer;
        this.address = address;
        this.rowBytes = rowBytes;
        this.callerMat = callerMat;
        this.whole = callerMat;
    }

    /**
     * A picture in a direct buffer (a mapped camera buffer, a buffer read from a file), starting at its first byte.
     *
     * @param rowBytes bytes from one row to the next (V4L2's bytesperline); for I420 the planes must be packed
     */
    public static SourceImage over(ByteBuffer buffer, ImageLayout layout, int width, int height, long rowBytes) {
        layout.requireSize(width, height);
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("a source picture must be in a direct ByteBuffer (native memory), "
                    + "so that OpenCV and write() can read it without a copy");
        }
        long packed = layout.packedRowBytes(width);
        if (rowBytes < packed || layout == ImageLayout.I420 && rowBytes != packed) {
            throw new IllegalArgumentException("a " + width + "x" + height + " " + layout.name() + " picture has rows of "
                    + packed + " bytes" + (layout == ImageLayout.I420 ? " exactly" : " or more") + ", got " + rowBytes);
        }
        long needed = rowBytes * (layout.matRows(height) - 1) + packed;
        if (buffer.capacity() < needed) {
            // OpenCV (and the copy) would take the buffer and read past its end
            throw new IllegalArgumentException("a " + width + "x" + height + " " + layout.name() + " picture needs "
                    + needed + " bytes, the buffer holds " + buffer.capacity());
        }
        long address = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
        return new SourceImage(layout, width, height, buffer, address, rowBytes, null);
    }

    /** A caller's Mat, which stays the caller's: closing this image leaves it alone. */
    public static SourceImage of(Mat mat, ImageLayout layout, int width, int height) {
        String problem = shapeProblem(mat, layout, width, height);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new SourceImage(layout, width, height, null, mat.dataAddr(), mat.step1() * mat.elemSize1(), mat);
    }

    /** Null when the Mat holds a width x height picture in this layout, else what is wrong. */
    static String shapeProblem(Mat mat, ImageLayout layout, int width, int height) {
        int rows = layout.matRows(height);
        if (mat.rows() == rows && mat.cols() == width && mat.type() == layout.matType()) {
            return null;
        }
        return "this sink takes " + width + "x" + height + " " + layout.description() + " pictures (a " + rows + "x"
                + width + " " + CvType.typeToString(layout.matType()) + " Mat), got a " + mat.rows() + "x" + mat.cols()
                + " " + CvType.typeToString(mat.type()) + " Mat";
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

    /** The picture's direct buffer, or null for a caller's Mat. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Native address of the first byte. */
    public long address() {
        return address;
    }

    /** Bytes from one row to the next. */
    public long rowBytes() {
        return rowBytes;
    }

    /** Whether the picture is one tight run of {@link ImageLayout#imageBytes} bytes, so write() can send it as it is. */
    public boolean isPacked() {
        return rowBytes == layout.packedRowBytes(width) && (callerMat == null || callerMat.isContinuous());
    }

    public int imageBytes() {
        return layout.imageBytes(width, height);
    }

    /** The whole picture in its layout's Mat shape (made on first use for a buffer). */
    public Mat whole() {
        if (whole == null) {
            OpenCvNatives.load();
            whole = new Mat(layout.matRows(height), width, layout.matType(), buffer, rowBytes);
        }
        return whole;
    }

    /**
     * YUYV only: the even rows seen as (Y0 U Y1 V) quads, height/2 x width/2: the chroma of 4:2:0 taken from the
     * even lines, read straight from the frame without a copy.
     */
    public Mat evenRowQuads() {
        if (layout != ImageLayout.YUYV) {
            throw new IllegalStateException("even-row quads exist for YUYV pictures, this one is " + layout);
        }
        if (evenRowQuads == null) {
            if (buffer != null) {
                OpenCvNatives.load();
                evenRowQuads = new Mat(height / 2, width / 2, CvType.CV_8UC4, buffer, 2 * rowBytes);
            } else if (callerMat.isContinuous()) {
                // Two lines a row, as quads; the first width/2 quads of each row are the even line.
                Mat pairsOfLines = callerMat.reshape(4, height / 2);
                evenRowQuads = pairsOfLines.colRange(0, width / 2);
                pairsOfLines.release();
            } else {
                throw new IllegalArgumentException("a YUYV Mat with padded rows cannot be turned into 4:2:0 here: "
                        + "pass a continuous Mat (or the camera buffer itself)");
            }
        }
        return evenRowQuads;
    }

    /** I420 only: the luma plane, height x width. */
    public Mat lumaPlane() {
        if (layout != ImageLayout.I420) {
            throw new IllegalStateException("a luma plane view exists for I420 pictures, this one is " + layout);
        }
        if (lumaPlane == null) {
            lumaPlane = whole().rowRange(0, height);
        }
        return lumaPlane;
    }

    /**
     * Whether this image still stands for the caller's Mat: the same object over the same memory. A Mat that was
     * reallocated since (OpenCV does that when an output changes size) needs new views.
     */
    boolean wraps(Mat mat) {
        return callerMat == mat && mat.dataAddr() == address;
    }

    boolean wraps(ByteBuffer candidate, long candidateRowBytes) {
        return buffer == candidate && rowBytes == candidateRowBytes;
    }

    /** Releases the headers made here; the pixels belong to whoever owns the buffer or Mat. */
    @Override
    public void close() {
        if (evenRowQuads != null) {
            evenRowQuads.release();
        }
        if (lumaPlane != null) {
            lumaPlane.release();
        }
        if (whole != null && whole != callerMat) {
            whole.release();
        }
    }
}
