package org.vigil.detectors;

import java.nio.ByteBuffer;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Mat headers over direct buffers (a camera's mmap buffers), made once per buffer and reused, so that handing a
 * camera frame to OpenCV copies nothing and allocates nothing per frame. A Mat starts at the buffer's first byte
 * (its position is ignored) and is only valid while the buffer is mapped: never requeue or unmap a buffer while
 * its Mat is in use.
 */
public final class DirectBufferMats implements AutoCloseable {

    private static final int MAX_BUFFERS = 32; // V4L2 drivers hand out at most 32 buffers

    private final int rows;
    private final int cols;
    private final int type;
    private final long stride;
    private final ByteBuffer[] buffers = new ByteBuffer[MAX_BUFFERS];
    private final Mat[] mats = new Mat[MAX_BUFFERS];
    private int count;
    private int nextEvicted;

    /**
     * @param stride bytes from the start of one row to the next (V4L2's bytesperline), at least cols × pixel size
     */
    public DirectBufferMats(int rows, int cols, int type, long stride) {
        OpenCvNatives.load();
        long rowBytes = (long) cols * CvType.ELEM_SIZE(type);
        if (rows <= 0 || cols <= 0 || stride < rowBytes) {
            throw new IllegalArgumentException("a " + cols + "x" + rows + " " + CvType.typeToString(type) + " image needs a stride of at least "
                    + rowBytes + " bytes, got " + stride);
        }
        this.rows = rows;
        this.cols = cols;
        this.type = type;
        this.stride = stride;
    }

    /** The Mat over this buffer, made on first sight of the buffer. */
    public Mat wrap(ByteBuffer buffer) {
        for (int i = 0; i < count; i++) {
            if (buffers[i] == buffer) {
                return mats[i];
            }
        }
        return remember(buffer, newMat(buffer));
    }

    private Mat newMat(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("only a direct ByteBuffer (such as a mapped camera buffer) can be wrapped without a copy");
        }
        long needed = stride * (rows - 1) + (long) cols * CvType.ELEM_SIZE(type);
        if (buffer.capacity() < needed) {
            // OpenCV would accept it and read past the end
            throw new IllegalArgumentException("buffer of " + buffer.capacity() + " bytes is too small for a " + cols + "x" + rows
                    + " image with a stride of " + stride + " (needs " + needed + "): check the negotiated format's bytesperline and sizeimage");
        }
        return new Mat(rows, cols, type, buffer, stride);
    }

    private Mat remember(ByteBuffer buffer, Mat mat) {
        int slot;
        if (count < MAX_BUFFERS) {
            slot = count++;
        } else {
            slot = nextEvicted;
            nextEvicted = (nextEvicted + 1) % MAX_BUFFERS;
            mats[slot].release();
        }
        buffers[slot] = buffer;
        mats[slot] = mat;
        return mat;
    }

    @Override
    public void close() {
        for (int i = 0; i < count; i++) {
            mats[i].release();
            mats[i] = null;
            buffers[i] = null;
        }
        count = 0;
    }
}
