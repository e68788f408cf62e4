package org.vigil.core.pipeline;

import org.vigil.core.config.AnnotationOptions;
import org.vigil.detectors.AreaMask;
import org.vigil.vloop.PipeDecorator;
import org.vigil.vloop.image.ImageLayout;
import org.vigil.vloop.image.PipeImage;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The feed's decorator: in the pipe's buffer, after the camera's picture was copied or converted there, blanks the
 * privacy mask and draws the overlay of the latest detection. Never touches the camera's buffer, which other readers
 * may share. Runs on the capture thread; allocates nothing unless the overlay changed.
 */
final class Annotator implements PipeDecorator, AutoCloseable {
    private final Painter painter;
    private final Supplier<org.vigil.detectors.Detection> detections;
    private volatile OverlayBuilder overlays;
    private final BooleanSupplier armed;
    private volatile PrivacyBlanker privacy;
    private final ImageLayout layout;
    private final int width;
    private final int height;
    private Overlay lastOverlay;

    Annotator(String camera, ImageLayout layout, int width, int height, AnnotationOptions options,
              Optional<AreaMask> privacyMask, Supplier<org.vigil.detectors.Detection> detections) {
        this(camera, layout, width, height, options, privacyMask, detections, () -> true);
    }

    /** @param armed whether the camera's events are armed now (its detection windows), read every frame */
    Annotator(String camera, ImageLayout layout, int width, int height, AnnotationOptions options,
              Optional<AreaMask> privacyMask, Supplier<org.vigil.detectors.Detection> detections, BooleanSupplier armed) {
        this.armed = armed;
        this.painter = Painter.of(layout, width, height);
        this.layout = layout;
        this.width = width;
        this.height = height;
        this.detections = detections;
        reconfigure(camera, options, privacyMask);
    }

    /** New annotation options or privacy mask, from the next frame on (capture thread, at a frame boundary). */
    void reconfigure(String camera, AnnotationOptions options, Optional<AreaMask> privacyMask) {
        overlays = options.drawsAnything() ? new OverlayBuilder(camera, width, height, options) : null;
        PrivacyBlanker previous = privacy;
        privacy = privacyMask.map(mask -> new PrivacyBlanker(mask, layout, width, height)).orElse(null);
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public void decorate(PipeImage picture) {
        PrivacyBlanker blanker = privacy;
        if (blanker != null) {
            blanker.blank(picture);
        }
        OverlayBuilder builder = overlays;
        if (builder == null) {
            lastOverlay = null;
            return;
        }
        Overlay overlay = builder.current(detections.get(), System.currentTimeMillis(), armed.getAsBoolean());
        painter.draw(picture, overlay);
        lastOverlay = overlay;
    }

    /** The overlay drawn on the last frame, or null when nothing was drawn. */
    Overlay lastOverlay() {
        return lastOverlay;
    }

    @Override
    public void close() {
        painter.close();
        PrivacyBlanker blanker = privacy;
        privacy = null;
        if (blanker != null) {
            blanker.close();
        }
    }
}
