package org.vigil.core.pipeline;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.opencv.DirectBufferMats;
import org.vigil.opencv.MatViews;

/**
 * Decodes MJPEG frames straight from the camera's buffer: a one-row Mat header over each mapped buffer (made once)
 * is what imdecode reads; the decoder stops at the JPEG's end marker, so bytes after it do no harm.
 */
final class JpegFrames implements AutoCloseable {
    private final DirectBufferMats headers = new DirectBufferMats(buffer ->
            MatViews.over(buffer, 1, buffer.capacity(), CvType.CV_8UC1, buffer.capacity()));

    /**
     * The decoded picture, which the caller releases.
     *
     * @throws IllegalArgumentException the frame is not a JPEG image (a damaged frame)
     */
    Mat decode(Frame frame, int flags) {
        Mat image = Imgcodecs.imdecode(headers.wrap(frame.data()), flags);
        if (image.empty()) {
            image.release();
            throw new IllegalArgumentException("frame " + frame.sequence() + " (" + frame.bytesUsed() + " bytes) is not a "
                    + "JPEG image the decoder can read");
        }
        return image;
    }

    @Override
    public void close() {
        headers.close();
    }
}
