package org.vigil.core.pipeline;

import org.vigil.core.config.AnnotationOptions;
import org.vigil.detectors.Detection;
import org.vigil.vloop.image.ImageLayout;
import org.vigil.vloop.image.PipeImage;

import java.nio.ByteBuffer;

/**
 * Draws a detection's overlay on a still picture (an event's snapshot) exactly as the live feed draws it, in the
 * picture's own format. Only the formats the feed draws in (YUYV, I420, GREY) can be drawn on; others stay clean.
 */
public final class StillAnnotator {
    private final String camera;
    private final AnnotationOptions options;

    public StillAnnotator(String camera, AnnotationOptions options) {
        this.camera = camera;
        this.options = options;
    }

    /** Whether pictures of this V4L2 pixel format can be drawn on. */
    public static boolean draws(int fourcc) {
        ImageLayout layout = ImageLayout.ofFourcc(fourcc);
        return layout == ImageLayout.YUYV || layout == ImageLayout.I420 || layout == ImageLayout.GREY;
    }

    /** Draws into the picture (tightly packed, in the V4L2 pixel format given) what the feed showed at that time. */
    public void draw(ByteBuffer picture, int fourcc, int width, int height, Detection detection, long wallMillis) {
        if (!options.drawsAnything() || !draws(fourcc)) {
            return;
        }
        ImageLayout layout = ImageLayout.ofFourcc(fourcc);
        OverlayBuilder builder = new OverlayBuilder(camera, width, height, options);
        try (PipeImage image = PipeImage.over(picture, layout, width, height);
             Painter painter = Painter.of(layout, width, height)) {
            painter.draw(image, builder.current(detection, wallMillis));
        }
    }
}
