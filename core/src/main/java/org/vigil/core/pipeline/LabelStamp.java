package org.vigil.core.pipeline;

import org.vigil.vloop.image.ImageLayout;
import org.vigil.vloop.image.PipeImage;

import java.nio.ByteBuffer;

/**
 * One label slot of the feed, rendered once and copied into every frame while its label stays the same: a label is
 * opaque (black background, white text), so its pixels do not depend on the picture under it, and text rendering
 * (OpenCV's putText, the largest cost of drawing a 1080p frame) then runs once a second for the time, not thirty
 * times. The stamp covers the label rounded out to whole pixel pairs and 2x2 chroma blocks, filled black outside it,
 * and is copied row by row with absolute bulk puts: nothing allocated per frame.
 */
final class LabelStamp implements AutoCloseable {
    private final ImageLayout layout;
    private final int frameWidth;
    private final int frameHeight;
    private Overlay.Label label;
    private ByteBuffer bytes;
    private PipeImage image;
    private int left;
    private int top;
    private int width;
    private int height;

    LabelStamp(ImageLayout layout, int frameWidth, int frameHeight) {
        this.layout = layout;
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
    }

    /** Whether this stamp holds that label (the overlay builder reuses a label while its text stays). */
    boolean holds(Overlay.Label other) {
        return label == other;
    }

    /** Renders the label with the painter into the stamp, the stamp's own picture at the label's place. */
    void render(Overlay.Label next, Painter painter) {
        label = next;
        left = next.x() & ~1;
        top = next.y() & ~1;
        int right = Math.min(frameWidth, next.x() + next.width() + 1 & ~1);
        int bottom = Math.min(frameHeight, next.y() + next.height() + 1 & ~1);
        int w = Math.max(2, right - left);
        int h = Math.max(2, bottom - top);
        if (image == null || w != width || h != height) {
            if (image != null) {
                image.close();
            }
            width = w;
            height = h;
            bytes = ByteBuffer.allocateDirect(layout.imageBytes(width, height));
            image = PipeImage.over(bytes, layout, width, height);
        }
        painter.fill(image, 0, 0, width, height, YuvColour.BLACK);
        painter.label(image, next, -left, -top);
    }

    /** Copies the stamp into the frame at the label's place. */
    void copyInto(PipeImage picture) {
        ByteBuffer target = picture.buffer();
        switch (layout) {
            case YUYV -> rows(target, 0, 2 * frameWidth, bytes, 0, 2 * width, 2 * left, top, height);
            case GREY -> rows(target, 0, frameWidth, bytes, 0, width, left, top, height);
            case I420 -> {
                rows(target, 0, frameWidth, bytes, 0, width, left, top, height);
                int planeFrame = frameWidth / 2 * (frameHeight / 2);
                int planeStamp = width / 2 * (height / 2);
                int lumaFrame = frameWidth * frameHeight;
                int lumaStamp = width * height;
                rows(target, lumaFrame, frameWidth / 2, bytes, lumaStamp, width / 2, left / 2, top / 2, height / 2);
                rows(target, lumaFrame + planeFrame, frameWidth / 2, bytes, lumaStamp + planeStamp, width / 2, left / 2,
                        top / 2, height / 2);
            }
            default -> throw new IllegalStateException("no label stamps for " + layout);
        }
    }

    private static void rows(ByteBuffer target, int targetPlane, int targetStride, ByteBuffer source, int sourcePlane,
                             int rowBytes, int x, int y, int rows) {
        for (int r = 0; r < rows; r++) {
            target.put(targetPlane + (y + r) * targetStride + x, source, sourcePlane + r * rowBytes, rowBytes);
        }
    }

    @Override
    public void close() {
        if (image != null) {
            image.close();
            image = null;
        }
        label = null;
    }
}
