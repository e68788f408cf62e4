package org.vigil.detectors;

import java.nio.ByteBuffer;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The Y plane of packed YUYV frames for a detector, read straight out of the camera's buffer: either at full size
 * (cvtColor YUYV→GRAY) or already shrunk by a whole factor, which reads the buffer once and never writes a
 * full-size grey image: the buffer is seen as two-channel pixels (Y, U|V), area-averaged, and channel 0 kept.
 * Output images are owned and reused; each is valid until the next call.
 */
public final class YuyvLuma implements AutoCloseable {

    private final DirectBufferMats frames;
    private final Mat grey = new Mat();
    private final Mat shrunkPairs = new Mat();
    private final Mat shrunkGrey = new Mat();
    private final int width;
    private final int height;
    private Size shrunkSize = new Size();
    private int shrunkFactor;

    /**
     * @param stride bytes per row of the YUYV frame (V4L2's bytesperline, normally 2 × width)
     */
    public YuyvLuma(int width, int height, long stride) {
        if (width % 2 != 0) {
            throw new IllegalArgumentException("YUYV frames have an even width, got " + width);
        }
        this.width = width;
        this.height = height;
        this.frames = new DirectBufferMats(height, width, CvType.CV_8UC2, stride);
    }

    /** The full-size Y plane of this frame. */
    public Mat fullSize(ByteBuffer yuyv) {
        Imgproc.cvtColor(frames.wrap(yuyv), grey, Imgproc.COLOR_YUV2GRAY_YUYV);
        return grey;
    }

    /** The Y plane shrunk by a whole factor (area average), width / factor by height / factor. */
    public Mat shrunk(ByteBuffer yuyv, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("shrink factor must be at least 1, got " + factor);
        }
        if (factor == 1) {
            return fullSize(yuyv);
        }
        if (factor != shrunkFactor) {
            shrunkSize = new Size(width / factor, height / factor);
            shrunkFactor = factor;
        }
        Imgproc.resize(frames.wrap(yuyv), shrunkPairs, shrunkSize, 0, 0, Imgproc.INTER_AREA);
        Core.extractChannel(shrunkPairs, shrunkGrey, 0);
        return shrunkGrey;
    }

    @Override
    public void close() {
        frames.close();
        grey.release();
        shrunkPairs.release();
        shrunkGrey.release();
    }
}
