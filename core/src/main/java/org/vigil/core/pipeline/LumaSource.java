package org.vigil.core.pipeline;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.vigil.core.config.PixelFormatChoice;
import org.vigil.detectors.PackedLuma;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.opencv.DirectBufferMats;
import org.vigil.opencv.MatViews;

/**
 * The detector's grey picture, taken from the camera's buffer without converting the whole frame, at the detector's
 * input size (the frame shrunk by a power of two): packed 4:2:2 by the 2x2 shrink of the packed frame; the planar and
 * grey formats from their Y plane through a Mat header with the driver's bytesperline; RGB24 converted after
 * shrinking; MJPEG by a reduced-size grey decode. Runs on the capture thread; writes into the caller's Mat.
 */
abstract class LumaSource implements AutoCloseable {

    /** Writes the frame's luma, shrunk, into {@code into} (allocated by the caller at {@link #width()} x {@link #height()}). */
    abstract void extract(Frame frame, Mat into);

    private final int width;
    private final int height;

    LumaSource(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Width of the pictures this source makes. */
    int width() {
        return width;
    }

    int height() {
        return height;
    }

    @Override
    public abstract void close();

    /** The source for a format, shrinking by {@code factor} (a power of two). */
    static LumaSource of(PixFormat format, int factor) {
        int w = format.width() / factor;
        int h = format.height() / factor;
        int stride = format.bytesPerLine();
        int fourcc = format.pixelFormat();
        if (fourcc == FourCC.YUYV || fourcc == PixelFormatChoice.UYVY) {
            return new Packed(fourcc == FourCC.YUYV ? PackedLuma.Order.YUYV : PackedLuma.Order.UYVY, format, factor, w, h,
                    stride == 0 ? 2 * format.width() : stride);
        }
        if (fourcc == FourCC.NV12 || fourcc == FourCC.YU12 || fourcc == FourCC.GREY) {
            return new YPlane(format, w, h, stride == 0 ? format.width() : stride);
        }
        if (fourcc == PixelFormatChoice.RGB24) {
            return new Rgb(format, w, h, stride == 0 ? 3 * format.width() : stride);
        }
        if (fourcc == FourCC.MJPG) {
            return new Jpeg(factor, w, h);
        }
        throw new IllegalArgumentException("no luma source for " + format.fourcc());
    }

    /** Copies or resizes an image the source made into the caller's. */
    static void fit(Mat image, Mat into, Size size) {
        if (image.cols() == into.cols() && image.rows() == into.rows()) {
            image.copyTo(into);
        } else {
            Imgproc.resize(image, into, size, 0, 0, Imgproc.INTER_AREA);
        }
    }

    /** YUYV and UYVY: {@link PackedLuma}'s shrink in the packed frame; widths it cannot take go through cvtColor. */
    private static final class Packed extends LumaSource {
        private final PackedLuma packed;
        private final DirectBufferMats pairs;
        private final Mat fullGrey = new Mat();
        private final int factor;
        private final int toGrey;
        private final Size size;

        Packed(PackedLuma.Order order, PixFormat format, int factor, int w, int h, int stride) {
            super(w, h);
            this.factor = factor;
            this.size = new Size(w, h);
            boolean shrinkable = format.width() % (4 * factor) == 0 && format.height() % factor == 0;
            this.packed = shrinkable ? new PackedLuma(order, format.width(), format.height(), stride) : null;
            this.pairs = shrinkable ? null
                    : new DirectBufferMats(buffer -> MatViews.packedPairs(buffer, format.width(), format.height(), stride));
            this.toGrey = order == PackedLuma.Order.YUYV ? Imgproc.COLOR_YUV2GRAY_YUYV : Imgproc.COLOR_YUV2GRAY_UYVY;
        }

        @Override
        void extract(Frame frame, Mat into) {
            if (packed != null) {
                fit(packed.shrunk(frame.data(), factor), into, size);
            } else {
                Imgproc.cvtColor(pairs.wrap(frame.data()), fullGrey, toGrey);
                fit(fullGrey, into, size);
            }
        }

        @Override
        public void close() {
            if (packed != null) {
                packed.close();
            }
            if (pairs != null) {
                pairs.close();
            }
            fullGrey.release();
        }
    }

    /** NV12, YU12 and GREY: the Y plane is the first plane, rows bytesperline apart. */
    private static final class YPlane extends LumaSource {
        private final DirectBufferMats planes;
        private final Size size;

        YPlane(PixFormat format, int w, int h, int stride) {
            super(w, h);
            this.planes = new DirectBufferMats(format.height(), format.width(), CvType.CV_8UC1, stride);
            this.size = new Size(w, h);
        }

        @Override
        void extract(Frame frame, Mat into) {
            fit(planes.wrap(frame.data()), into, size);
        }

        @Override
        public void close() {
            planes.close();
        }
    }

    /** RGB24: shrunk first, then converted, so the colour conversion touches the small picture only. */
    private static final class Rgb extends LumaSource {
        private final DirectBufferMats frames;
        private final Mat small;
        private final Size size;

        Rgb(PixFormat format, int w, int h, int stride) {
            super(w, h);
            this.frames = new DirectBufferMats(format.height(), format.width(), CvType.CV_8UC3, stride);
            this.small = new Mat(h, w, CvType.CV_8UC3);
            this.size = new Size(w, h);
        }

        @Override
        void extract(Frame frame, Mat into) {
            Imgproc.resize(frames.wrap(frame.data()), small, size, 0, 0, Imgproc.INTER_AREA);
            Imgproc.cvtColor(small, into, Imgproc.COLOR_RGB2GRAY);
        }

        @Override
        public void close() {
            frames.close();
            small.release();
        }
    }

    /**
     * MJPEG: libjpeg decodes straight to grey at a half, a quarter or an eighth of the size (IMREAD_REDUCED_GRAYSCALE),
     * skipping the chroma and most of the inverse DCT. OpenCV's Java binding has no decode into a given Mat, so each
     * decode allocates its image, which is freed at once.
     */
    private static final class Jpeg extends LumaSource {
        private final JpegFrames jpegs = new JpegFrames();
        private final int flags;
        private final Size size;

        Jpeg(int factor, int w, int h) {
            super(w, h);
            this.size = new Size(w, h);
            this.flags = switch (Math.min(factor, 8)) {
                case 1 -> Imgcodecs.IMREAD_GRAYSCALE;
                case 2 -> Imgcodecs.IMREAD_REDUCED_GRAYSCALE_2;
                case 4 -> Imgcodecs.IMREAD_REDUCED_GRAYSCALE_4;
                default -> Imgcodecs.IMREAD_REDUCED_GRAYSCALE_8;
            };
        }

        @Override
        void extract(Frame frame, Mat into) {
            Mat decoded = jpegs.decode(frame, flags);
            try {
                fit(decoded, into, size);
            } finally {
                decoded.release();
            }
        }

        @Override
        public void close() {
            jpegs.close();
        }
    }
}
