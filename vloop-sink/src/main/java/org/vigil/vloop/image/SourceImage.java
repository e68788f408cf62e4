package org.vigil.vloop.image;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.vigil.opencv.MatViews;

import java.nio.ByteBuffer;

/**
 * One picture the pipeline hands in: a camera buffer, a raw buffer or a caller's Mat. Made once per distinct buffer
 * (see {@link SourceImages}) and reused for every frame that lands in it, so nothing is allocated per frame. Its Mat
 * headers are made only when a conversion first asks for them (a picture already in the pipe's layout is copied or
 * written as it is, without OpenCV) and kept: the whole picture, the planes of a planar one (rows {@code rowBytes}
 * apart for luma, half that for I420's chroma, as V4L2 lays them out), a packed 4:2:2 frame's quads and its even rows.
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
    private Mat quads;
    private Mat evenRowQuads;
    private Mat luma;
    private Mat chromaU;
    private Mat chromaV;
    private Mat chromaPairs;
    private Mat chromaRows;

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
     * @param rowBytes bytes from one row to the next (V4L2's bytesperline; of the luma plane for a planar layout)
     */
    public static SourceImage over(ByteBuffer buffer, ImageLayout layout, int width, int height, long rowBytes) {
        layout.requireSize(width, height);
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("a source picture must be in a direct ByteBuffer (native memory), "
                    + "so that OpenCV and write() can read it without a copy");
        }
        long packed = layout.packedRowBytes(width);
        if (rowBytes < packed || layout == ImageLayout.I420 && rowBytes % 2 != 0) {
            throw new IllegalArgumentException("a " + width + "x" + height + " " + layout.name() + " picture has rows of "
                    + packed + " bytes or more" + (layout == ImageLayout.I420 ? ", an even number" : "") + ", got " + rowBytes);
        }
        long needed = layout.neededBytes(width, height, rowBytes);
        if (buffer.capacity() < needed) {
            // OpenCV (and the copy) would take the buffer and read past its end
            throw new IllegalArgumentException("a " + width + "x" + height + " " + layout.name() + " picture with rows of "
                    + rowBytes + " bytes needs " + needed + " bytes, the buffer holds " + buffer.capacity());
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
        if (mat.rows() == rows && mat.cols() == width && mat.type() == layout.matType()
                && (!layout.isPlanar() || mat.isContinuous())) {
            return null;
        }
        return "this sink takes " + width + "x" + height + " " + layout.description() + " pictures (a " + rows + "x"
                + width + " " + CvType.typeToString(layout.matType()) + (layout.isPlanar() ? " continuous" : "")
                + " Mat), got a " + mat.rows() + "x" + mat.cols() + " " + CvType.typeToString(mat.type()) + " Mat";
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

    /** Bytes from one row to the next (of the luma plane for a planar layout). */
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

    /**
     * The whole picture in its layout's Mat shape. A planar picture has one only when its rows are packed (the
     * stacked planes OpenCV's 4:2:0 codes read); with padded rows its planes are seen one by one.
     */
    public Mat whole() {
        if (whole == null) {
            if (layout.isPlanar() && !isPacked()) {
                throw new IllegalStateException("a " + layout.name() + " picture with padded rows has no whole-image view: "
                        + "use its planes");
            }
            whole = MatViews.over(buffer, layout.matRows(height), width, layout.matType(), rowBytes);
        }
        return whole;
    }

    /** Packed 4:2:2 only: the picture as pixel pairs (Y0 U Y1 V or U Y0 V Y1), height x width/2. */
    public Mat quads() {
        requirePacked422("pixel-pair quads");
        if (quads == null) {
            quads = buffer != null ? MatViews.packedQuads(buffer, width, height, rowBytes) : quadsOfMat(height, 1);
        }
        return quads;
    }

    /**
     * Packed 4:2:2 only: the even rows seen as pixel-pair quads, height/2 x width/2: the chroma of 4:2:0 taken from the
     * even lines, read straight from the frame without a copy.
     */
    public Mat evenRowQuads() {
        requirePacked422("even-row quads");
        if (evenRowQuads == null) {
            evenRowQuads = buffer != null ? MatViews.packedEvenRowQuads(buffer, width, height, rowBytes)
                    : quadsOfMat(height / 2, 2);
        }
        return evenRowQuads;
    }

    /** A caller's continuous 4:2:2 Mat as quads, {@code linesPerRow} lines to a row (the first line's quads kept). */
    private Mat quadsOfMat(int rows, int linesPerRow) {
        if (!callerMat.isContinuous()) {
            throw new IllegalArgumentException("a packed 4:2:2 Mat with padded rows cannot be seen as quads here: "
                    + "pass a continuous Mat (or the camera buffer itself)");
        }
        Mat lines = callerMat.reshape(4, rows);
        Mat view = lines.colRange(0, width / 2);
        lines.release();
        return view;
    }

    /** I420, NV12 and GREY: the luma plane, height x width. */
    public Mat luma() {
        if (!layout.isPlanar() && layout != ImageLayout.GREY) {
            throw new IllegalStateException("a luma plane view exists for I420, NV12 and GREY pictures, this one is " + layout);
        }
        if (luma == null) {
            luma = buffer != null ? MatViews.over(buffer, height, width, CvType.CV_8UC1, rowBytes)
                    : layout == ImageLayout.GREY ? callerMat : callerMat.rowRange(0, height);
        }
        return luma;
    }

    /** I420 only: the U (Cb) plane, half width and half height, rows half the luma stride apart. */
    public Mat chromaU() {
        requireLayout(ImageLayout.I420, "U plane");
        if (chromaU == null) {
            chromaU = chromaPlane(0);
        }
        return chromaU;
    }

    /** I420 only: the V (Cr) plane. */
    public Mat chromaV() {
        requireLayout(ImageLayout.I420, "V plane");
        if (chromaV == null) {
            chromaV = chromaPlane(1);
        }
        return chromaV;
    }

    private Mat chromaPlane(int index) {
        long chromaStride = rowBytes / 2;
        int rows = height / 2;
        if (buffer == null) {
            // the stacked Mat's chroma rows hold two chroma rows each: U's, then V's
            Mat both = callerMat.rowRange(height, height + rows);
            Mat halves = both.reshape(1, 2 * rows);
            Mat plane = halves.rowRange(index * rows, index * rows + rows);
            both.release();
            halves.release();
            return plane;
        }
        long offset = rowBytes * height + index * chromaStride * rows;
        return MatViews.over(buffer, offset, rows, width / 2, CvType.CV_8UC1, chromaStride);
    }

    /** NV12 only: the chroma plane as (U, V) pairs, half width and half height, rows the luma stride apart. */
    public Mat chromaPairs() {
        requireLayout(ImageLayout.NV12, "UV plane");
        if (chromaPairs == null) {
            chromaPairs = MatViews.over(requireBuffer(), rowBytes * height, height / 2, width / 2, CvType.CV_8UC2, rowBytes);
        }
        return chromaPairs;
    }

    /** NV12 only: the chroma plane as bytes, half height by full width (U V U V ...), for filling 4:2:2 chroma rows. */
    public Mat chromaRows() {
        requireLayout(ImageLayout.NV12, "UV plane");
        if (chromaRows == null) {
            chromaRows = MatViews.over(requireBuffer(), rowBytes * height, height / 2, width, CvType.CV_8UC1, rowBytes);
        }
        return chromaRows;
    }

    private ByteBuffer requireBuffer() {
        if (buffer == null) {
            throw new IllegalStateException(layout.name() + " pictures are taken from camera buffers, not Mats");
        }
        return buffer;
    }

    private void requirePacked422(String what) {
        if (!layout.isPacked422()) {
            throw new IllegalStateException(what + " exist for YUYV and UYVY pictures, this one is " + layout);
        }
    }

    private void requireLayout(ImageLayout wanted, String what) {
        if (layout != wanted) {
            throw new IllegalStateException("a " + what + " view exists for " + wanted + " pictures, this one is " + layout);
        }
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
        for (Mat view : new Mat[] {quads, evenRowQuads, luma, chromaU, chromaV, chromaPairs, chromaRows}) {
            if (view != null && view != callerMat) {
                view.release();
            }
        }
        if (whole != null && whole != callerMat) {
            whole.release();
        }
    }
}
