package org.vigil.opencv;

import java.nio.ByteBuffer;
import java.util.function.Function;

import org.opencv.core.Mat;

/**
 * One Mat header per direct buffer, made on first sight of the buffer and reused, so that handing a camera's frames
 * to OpenCV copies nothing and allocates nothing per frame once each of its buffers has been seen. A Mat starts at
 * the buffer's first byte (its position is ignored) and is only valid while the buffer is mapped.
 */
public final class DirectBufferMats implements AutoCloseable {
    private static final int MAX_BUFFERS = 32; // V4L2 drivers hand out at most 32 buffers

    private final Function<ByteBuffer, Mat> shape;
    private final ByteBuffer[] buffers = new ByteBuffer[MAX_BUFFERS];
    private final Mat[] mats = new Mat[MAX_BUFFERS];
    private int count;
    private int nextEvicted;

    /**
     * @param shape makes the header for a buffer, e.g. {@code b -> MatViews.packedQuads(b, w, h, stride)}
     */
    public DirectBufferMats(Function<ByteBuffer, Mat> shape) {
        this.shape = shape;
    }

    /** Headers of one plain shape: rows x cols of the type, rows {@code stride} bytes apart (V4L2's bytesperline). */
    public DirectBufferMats(int rows, int cols, int type, long stride) {
        this(buffer -> MatViews.over(buffer, rows, cols, type, stride));
    }

    /** The Mat over this buffer. */
    public Mat wrap(ByteBuffer buffer) {
        for (int i = 0; i < count; i++) {
            if (buffers[i] == buffer) {
                return mats[i];
            }
        }
        return remember(buffer, shape.apply(buffer));
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
