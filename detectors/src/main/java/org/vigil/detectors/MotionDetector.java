package org.vigil.detectors;

import java.util.Optional;

import org.opencv.core.Mat;

/**
 * Finds motion in a stream of grey frames from one camera. One instance per camera, called from one thread; the
 * same frames always give the same detections. Detectors read the frame and never draw on it.
 */
public interface MotionDetector extends AutoCloseable {

    /**
     * Looks at one frame.
     *
     * @param grey the camera's Y plane as an 8-bit single-channel Mat, at the full frame size or shrunk by any
     *             factor with the same aspect ratio (boxes still come back in full-frame coordinates). It may wrap
     *             a camera buffer: it is only read during this call.
     * @param timestampNanos the frame's capture time (monotonic, nanoseconds); the detector's times (calibration,
     *                       adaptation, absorbing still objects) run on it, not on the wall clock
     */
    Detection detect(Mat grey, long timestampNanos);

    /**
     * The width of grey picture this detector wants for frames of {@code frameWidth}: it analyses no more, so the
     * pipeline shrinks the camera's luma to this width (by a power of two) before handing it over, and a copy of
     * that small picture is all that crosses to a detection thread. The default takes the full frame.
     */
    default int inputWidth(int frameWidth) {
        return frameWidth;
    }

    /**
     * The picture of what changed in the last frame {@link #detect} looked at: 8-bit grey, 255 where a pixel changed,
     * at the size of the picture it was given or smaller; empty when the detector has none (or has not seen a frame
     * yet). Owned by the detector and valid until the next {@code detect}; for Motion's motion pipe, and for tuning.
     */
    default Optional<Mat> changeImage() {
        return Optional.empty();
    }

    /** Forgets the scene and calibrates again from the next frame, as after the camera moved. */
    void reset();

    /** Frees the native images; the detector cannot be used afterwards. */
    @Override
    void close();
}
