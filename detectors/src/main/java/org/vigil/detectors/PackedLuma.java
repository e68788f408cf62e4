package org.vigil.detectors;

import java.nio.ByteBuffer;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.vigil.opencv.DirectBufferMats;
import org.vigil.opencv.MatViews;

/**
 * The Y plane of packed 4:2:2 frames (YUYV or UYVY) for a detector, read straight out of the camera's buffer, either
 * at full size (cvtColor to grey) or already shrunk by a power of two. Shrinking works on the packed frame itself:
 * seen as four-channel pixel pairs (Y0 U Y1 V, or U Y0 V Y1), a 2x2 area average is again a valid frame of half the
 * size in the same order, and OpenCV vectorises it; only the last, small frame is unpacked. So the large frame is read
 * once and no full-size grey image is ever written. Output images are owned and reused; each is valid until the next
 * call.
 */
public final class PackedLuma implements AutoCloseable {

    /** The byte order of a packed 4:2:2 frame. */
    public enum Order {
        YUYV(Imgproc.COLOR_YUV2GRAY_YUYV),
        UYVY(Imgproc.COLOR_YUV2GRAY_UYVY);

        private final int toGrey;

        Order(int toGrey) {
            this.toGrey = toGrey;
        }
    }

    private final Order order;
    private final int width;
    private final int height;
    private final DirectBufferMats pairs;  // the frame as 2-channel pixels (Y, U|V), for cvtColor
    private final DirectBufferMats quads;  // the frame as 4-channel pixel pairs, for shrinking
    private final Mat grey = new Mat();
    private final Mat shrunkGrey = new Mat();
    private Mat[] halves = new Mat[0];
    private Size[] halfSizes = new Size[0];
    private Mat smallPairs;
    private int factor = 1;

    /**
     * @param stride bytes per row of the frame (V4L2's bytesperline, normally 2 × width)
     */
    public PackedLuma(Order order, int width, int height, long stride) {
        if (width % 4 != 0) {
            throw new IllegalArgumentException("packed 4:2:2 frames here need a width divisible by 4, got " + width);
        }
        if (stride < 2L * width) {
            throw new IllegalArgumentException("a " + width + " pixels wide packed 4:2:2 frame needs a stride of at least "
                    + 2L * width + " bytes, got " + stride);
        }
        this.order = order;
        this.width = width;
        this.height = height;
        this.pairs = new DirectBufferMats(buffer -> MatViews.packedPairs(buffer, width, height, stride));
        this.quads = new DirectBufferMats(buffer -> MatViews.packedQuads(buffer, width, height, stride));
    }

    /** A YUYV extractor, the common case. */
    public static PackedLuma yuyv(int width, int height, long stride) {
        return new PackedLuma(Order.YUYV, width, height, stride);
    }

    /** The full-size Y plane of this frame. */
    public Mat fullSize(ByteBuffer frame) {
        Imgproc.cvtColor(pairs.wrap(frame), grey, order.toGrey);
        return grey;
    }

    /** The Y plane shrunk by {@code factor} (a power of two) with area averages: width / factor by height / factor. */
    public Mat shrunk(ByteBuffer frame, int factor) {
        if (factor < 1 || Integer.bitCount(factor) != 1) {
            throw new IllegalArgumentException("shrink factor must be a power of two, got " + factor);
        }
        if (factor == 1) {
            return fullSize(frame);
        }
        if (factor != this.factor) {
            prepare(factor);
        }
        Mat source = quads.wrap(frame);
        for (int i = 0; i < halves.length; i++) {
            Imgproc.resize(source, halves[i], halfSizes[i], 0, 0, Imgproc.INTER_AREA);
            source = halves[i];
        }
        Imgproc.cvtColor(smallPairs, shrunkGrey, order.toGrey);
        return shrunkGrey;
    }

    private void prepare(int factor) {
        releaseHalves();
        int steps = Integer.numberOfTrailingZeros(factor);
        halves = new Mat[steps];
        halfSizes = new Size[steps];
        int cols = width / 2;
        int rows = height;
        for (int i = 0; i < steps; i++) {
            cols /= 2;
            rows /= 2;
            // allocated here at their final size, so the resizes write in place and the view below stays valid
            halves[i] = new Mat(rows, cols, CvType.CV_8UC4);
            halfSizes[i] = new Size(cols, rows);
        }
        smallPairs = halves[steps - 1].reshape(2);
        this.factor = factor;
    }

    private void releaseHalves() {
        for (Mat half : halves) {
            half.release();
        }
        if (smallPairs != null) {
            smallPairs.release();
        }
    }

    @Override
    public void close() {
        pairs.close();
        quads.close();
        releaseHalves();
        grey.release();
        shrunkGrey.release();
    }
}
