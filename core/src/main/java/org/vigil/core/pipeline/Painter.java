package org.vigil.core.pipeline;

import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.vigil.detectors.Box;
import org.vigil.vloop.image.ImageLayout;
import org.vigil.vloop.image.PipeImage;

import java.util.List;

/**
 * Draws an {@link Overlay} into a pipe's picture in the pipe's own format: packed YUYV as pixel pairs (one pass
 * colours Y, U and V), I420 plane by plane at each plane's scale, GREY in luma. Boxes are filled rectangles for each
 * edge and labels a black rectangle with white text, so chroma stays neutral under the text. A label is rendered
 * once into its {@link LabelStamp} and copied into each frame while it shows. Reuses its points and stamps, so
 * drawing allocates nothing.
 */
abstract class Painter implements AutoCloseable {
    private final Point from = new Point();
    private final Point to = new Point();
    private LabelStamp[] stamps = new LabelStamp[0];
    private int frameWidth;
    private int frameHeight;
    private ImageLayout layout;

    /** A painter for frames of this layout and size. */
    static Painter of(ImageLayout layout, int frameWidth, int frameHeight) {
        Painter painter = switch (layout) {
            case YUYV -> new Yuyv();
            case I420 -> new I420();
            case GREY -> new Grey();
            default -> throw new IllegalArgumentException("pipes are YUYV, I420 or GREY, not " + layout);
        };
        painter.layout = layout;
        painter.frameWidth = frameWidth;
        painter.frameHeight = frameHeight;
        return painter;
    }

    /** Fills the rectangle [x0, x1) x [y0, y1), clipped to the picture. */
    abstract void fill(PipeImage picture, int x0, int y0, int x1, int y1, YuvColour colour);

    /** Writes white text with its baseline's start at (x, y). */
    abstract void text(PipeImage picture, String text, int x, int y, double scale, int thickness);

    final void draw(PipeImage picture, Overlay overlay) {
        List<Box> boxes = overlay.boxes();
        int t = overlay.boxThickness();
        for (int i = 0; i < boxes.size(); i++) {
            Box box = boxes.get(i);
            int x1 = box.x() + box.width();
            int y1 = box.y() + box.height();
            fill(picture, box.x() - t, box.y() - t, x1 + t, box.y(), YuvColour.RED);
            fill(picture, box.x() - t, y1, x1 + t, y1 + t, YuvColour.RED);
            fill(picture, box.x() - t, box.y(), box.x(), y1, YuvColour.RED);
            fill(picture, x1, box.y(), x1 + t, y1, YuvColour.RED);
        }
        List<Overlay.Label> labels = overlay.labels();
        if (stamps.length < labels.size()) {
            LabelStamp[] more = java.util.Arrays.copyOf(stamps, labels.size());
            for (int i = stamps.length; i < more.length; i++) {
                more[i] = new LabelStamp(layout, frameWidth, frameHeight);
            }
            stamps = more;
        }
        for (int i = 0; i < labels.size(); i++) {
            Overlay.Label label = labels.get(i);
            if (!stamps[i].holds(label)) {
                stamps[i].render(label, this);
            }
            stamps[i].copyInto(picture);
        }
    }

    /** Draws a label (background, mark, text) moved by (dx, dy): into its stamp, which sits at the label's place. */
    final void label(PipeImage picture, Overlay.Label label, int dx, int dy) {
        int x = label.x() + dx;
        int y = label.y() + dy;
        fill(picture, x, y, x + label.width(), y + label.height(), YuvColour.BLACK);
        if (label.mark() != null) {
            int markX = x + (label.textX() - label.markSize()) / 2; // one padding in from the edge
            int markY = label.baseline() + dy - label.markSize();
            fill(picture, markX, markY, markX + label.markSize(), label.baseline() + dy, label.mark());
        }
        if (!label.text().isEmpty()) {
            text(picture, label.text(), x + label.textX(), label.baseline() + dy, label.scale(), label.thickness());
        }
    }

    @Override
    public void close() {
        for (LabelStamp stamp : stamps) {
            stamp.close();
        }
    }

    /** Fills a clipped rectangle of one Mat (at the Mat's own scale). */
    final void fillMat(Mat mat, int x0, int y0, int x1, int y1, Scalar colour) {
        int left = Math.max(0, x0);
        int top = Math.max(0, y0);
        int right = Math.min(mat.cols(), x1);
        int bottom = Math.min(mat.rows(), y1);
        if (right <= left || bottom <= top) {
            return;
        }
        from.x = left;
        from.y = top;
        to.x = right - 1;
        to.y = bottom - 1;
        Imgproc.rectangle(mat, from, to, colour, Imgproc.FILLED);
    }

    final void textMat(Mat mat, String text, int x, int y, double scale, int thickness, Scalar colour) {
        from.x = x;
        from.y = y;
        Imgproc.putText(mat, text, from, OverlayBuilder.FONT, scale, colour, thickness, Imgproc.LINE_AA);
    }

    /** Packed YUYV: rectangles on the pixel-pair quads (pairs rounded outwards), text in the two-byte view. */
    private static final class Yuyv extends Painter {
        @Override
        void fill(PipeImage picture, int x0, int y0, int x1, int y1, YuvColour colour) {
            fillMat(picture.quads(), Math.floorDiv(x0, 2), y0, Math.floorDiv(x1 + 1, 2), y1, colour.quad);
        }

        @Override
        void text(PipeImage picture, String text, int x, int y, double scale, int thickness) {
            textMat(picture.whole(), text, x, y, scale, thickness, YuvColour.WHITE.pair);
        }
    }

    /** I420: luma at full scale, each chroma plane at half. */
    private static final class I420 extends Painter {
        @Override
        void fill(PipeImage picture, int x0, int y0, int x1, int y1, YuvColour colour) {
            fillMat(picture.luma(), x0, y0, x1, y1, colour.luma);
            int cx0 = Math.floorDiv(x0, 2);
            int cy0 = Math.floorDiv(y0, 2);
            int cx1 = Math.floorDiv(x1 + 1, 2);
            int cy1 = Math.floorDiv(y1 + 1, 2);
            fillMat(picture.blueDifference(), cx0, cy0, cx1, cy1, colour.blue);
            fillMat(picture.redDifference(), cx0, cy0, cx1, cy1, colour.red);
        }

        @Override
        void text(PipeImage picture, String text, int x, int y, double scale, int thickness) {
            textMat(picture.luma(), text, x, y, scale, thickness, YuvColour.WHITE.luma);
        }
    }

    /** GREY: luma only. */
    private static final class Grey extends Painter {
        @Override
        void fill(PipeImage picture, int x0, int y0, int x1, int y1, YuvColour colour) {
            fillMat(picture.luma(), x0, y0, x1, y1, colour.luma);
        }

        @Override
        void text(PipeImage picture, String text, int x, int y, double scale, int thickness) {
            textMat(picture.luma(), text, x, y, scale, thickness, YuvColour.WHITE.luma);
        }
    }
}
