package org.vigil.core.record;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;
import org.vigil.opencv.MatViews;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A movie without ffmpeg: MJPEG in AVI through OpenCV's own writer (built into OpenCV, needing no FFmpeg). Bigger
 * files than H.264, and an AVI cut short has no index (ffmpeg and VLC still play it; some players do not), so vigil
 * uses it only where the system has no ffmpeg.
 */
final class OpenCvMjpegMovie implements MovieSink {
    private final VideoWriter writer;
    private final RecordedFormat format;
    private final int width;
    private final int height;
    private final Mat bgr = new Mat();
    private final Path file;
    private boolean released;

    OpenCvMjpegMovie(RecordedFormat format, int width, int height, double fps, Path file) throws IOException {
        this.format = format;
        this.width = width;
        this.height = height;
        this.file = file;
        this.writer = new VideoWriter(file.toString(), Videoio.CAP_OPENCV_MJPEG, VideoWriter.fourcc('M', 'J', 'P', 'G'),
                fps, new Size(width, height), true);
        if (!writer.isOpened()) {
            writer.release();
            bgr.release();
            throw new IOException("OpenCV's MJPEG writer cannot open " + file);
        }
    }

    /** The file extension movies of this kind get. */
    static String extension() {
        return ".avi";
    }

    @Override
    public void write(ByteBuffer frame, int bytes) throws IOException {
        if (format.compressed()) {
            Mat jpeg = MatViews.over(frame, 1, bytes, org.opencv.core.CvType.CV_8UC1, bytes);
            Mat decoded = Imgcodecs.imdecode(jpeg, Imgcodecs.IMREAD_COLOR);
            jpeg.release();
            try {
                if (!decoded.empty()) {
                    writer.write(decoded);
                }
            } finally {
                decoded.release();
            }
            return;
        }
        Mat view = MatViews.over(frame, format.matRows(height), width, format.matType(), format.rowBytes(width));
        try {
            Imgproc.cvtColor(view, bgr, format.toBgrCode());
            writer.write(bgr);
        } finally {
            view.release();
        }
    }

    @Override
    public String finish(long timeoutSeconds) {
        close();
        return file.toFile().length() > 0 ? null : "OpenCV wrote nothing into " + file;
    }

    @Override
    public void close() {
        if (!released) {
            released = true;
            writer.release();
            bgr.release();
        }
    }
}
