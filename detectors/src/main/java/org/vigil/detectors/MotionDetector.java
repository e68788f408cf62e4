package org.vigil.detectors;

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

    /** Forgets the scene and calibrates again from the next frame, as after the camera moved. */
    void reset();

    /** Frees the native images; the detector cannot be used afterwards. */
    @Override
    void close();
}
