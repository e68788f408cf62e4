package org.vigil.core.record;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.vigil.opencv.MatViews;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a frame as a JPEG at the camera's size: converted to BGR and encoded by OpenCV, or, from an MJPEG camera,
 * the camera's own JPEG as it came. Written under NAME.part, forced to disk, then renamed: a snapshot file is whole
 * or absent.
 */
public final class SnapshotWriter {
    private static final int QUALITY = 90;

    private SnapshotWriter() {
    }

    /** @return the file's size in bytes */
    public static long write(ByteBuffer frame, int bytes, RecordedFormat format, int width, int height, Path file)
            throws IOException {
        Files.createDirectories(file.getParent());
        Path part = PartialNames.part(file);
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            if (format.compressed()) {
                ByteBuffer view = frame.duplicate().limit(bytes).position(0);
                while (view.hasRemaining()) {
                    out.write(view);
                }
            } else {
                out.write(ByteBuffer.wrap(encode(frame, format, width, height)));
            }
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        return Files.size(file);
    }

    private static byte[] encode(ByteBuffer frame, RecordedFormat format, int width, int height) throws IOException {
        Mat view = MatViews.over(frame, format.matRows(height), width, format.matType(), format.rowBytes(width));
        Mat bgr = new Mat();
        MatOfByte jpeg = new MatOfByte();
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, QUALITY);
        try {
            Imgproc.cvtColor(view, bgr, format.toBgrCode());
            if (!Imgcodecs.imencode(".jpg", bgr, jpeg, params)) {
                throw new IOException("OpenCV could not encode a " + width + "x" + height + " JPEG");
            }
            return jpeg.toArray();
        } finally {
            view.release();
            bgr.release();
            jpeg.release();
            params.release();
        }
    }
}
