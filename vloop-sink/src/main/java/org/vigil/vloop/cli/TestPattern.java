package org.vigil.vloop.cli;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.vigil.opencv.OpenCvNatives;

/**
 * A moving picture for checking viewers: colour bars, a box that sweeps across, the frame number in digits, and the
 * same number in binary as black and white blocks along the bottom, which survive any pixel format (they are read
 * from luma) so a test can check order and count through a real viewer. Drawn in BGR, as the annotator draws.
 */
public final class TestPattern implements AutoCloseable {
    /** Bits of the frame number shown as blocks, lowest bit leftmost. */
    public static final int COUNTER_BITS = 16;

    private static final Scalar[] BARS = {
            new Scalar(191, 191, 191), new Scalar(0, 191, 191), new Scalar(191, 191, 0), new Scalar(0, 191, 0),
            new Scalar(191, 0, 191), new Scalar(0, 0, 191), new Scalar(191, 0, 0)};
    private static final Scalar WHITE = new Scalar(255, 255, 255);
    private static final Scalar BLACK = new Scalar(0, 0, 0);

    private final int width;
    private final int height;
    private final Mat background;
    private final Mat frame;

    public TestPattern(int width, int height) {
        OpenCvNatives.load();
        this.width = width;
        this.height = height;
        background = new Mat(height, width, CvType.CV_8UC3, BLACK);
        for (int i = 0; i < BARS.length; i++) {
            int left = i * width / BARS.length;
            int right = (i + 1) * width / BARS.length;
            Imgproc.rectangle(background, new Rect(left, 0, right - left, height * 2 / 3), BARS[i], Imgproc.FILLED);
        }
        frame = new Mat(height, width, CvType.CV_8UC3);
    }

    /** Draws frame n and returns the picture (a BGR Mat owned here, redrawn by the next call). */
    public Mat draw(long n) {
        background.copyTo(frame);
        int box = Math.max(8, height / 6);
        int travel = Math.max(1, width - box);
        int x = (int) (n * Math.max(1, width / 120) % (2L * travel));
        Imgproc.rectangle(frame, new Rect(x < travel ? x : 2 * travel - x, height * 2 / 3 - box - 2, box, box), WHITE,
                Imgproc.FILLED);
        double scale = Math.max(0.4, height / 360.0);
        Imgproc.putText(frame, "vigil " + n, new Point(width / 40.0, height * 0.8), Imgproc.FONT_HERSHEY_SIMPLEX, scale,
                WHITE, Math.max(1, (int) Math.round(scale * 2)));
        for (int bit = 0; bit < COUNTER_BITS; bit++) {
            Imgproc.rectangle(frame, counterBlock(bit, width, height), (n >>> bit & 1) != 0 ? WHITE : BLACK,
                    Imgproc.FILLED);
        }
        return frame;
    }

    /** Where bit {@code bit} of the frame number is drawn: a block in the bottom band, leaving a margin around it. */
    public static Rect counterBlock(int bit, int width, int height) {
        int cell = width / COUNTER_BITS;
        int band = Math.max(4, height / 12);
        return new Rect(bit * cell + cell / 4, height - band + band / 4, Math.max(1, cell / 2), Math.max(1, band / 2));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public void close() {
        background.release();
        frame.release();
    }
}
