package org.vigil.detectors.analysis;

import org.opencv.core.Mat;

/**
 * The one step in which change detectors differ: deciding which pixels are foreground. {@link ChangeDetector} does
 * the rest (shrinking, brightness fit, lighting, noise, clean-up, boxes, zones) the same way for every rule.
 */
public interface ForegroundRule extends AutoCloseable {

    /** Learns the scene from this frame alone: on the first frame and after each lighting change. */
    void rebaseline(Mat inReference32F);

    /**
     * Marks the foreground of one frame.
     *
     * @param inReference32F the analysis image mapped into the reference frame's brightness
     * @param difference8U   |frame − reference frame| after the brightness fit, in grey levels
     * @param noiseLevel     the scene's noise level (mean absolute difference of still pixels)
     * @param foreground8U   out: 255 for foreground pixels, 0 elsewhere (shadows are not foreground)
     */
    void classify(Mat inReference32F, Mat difference8U, double noiseLevel, Mat foreground8U);

    /**
     * Whether the rule judges by a model of its own rather than by the difference it is given (MOG2): such a model
     * has not seen a camera that starts shaking, so while it shakes the detector keeps only the foreground that the
     * aligned, edge-tolerant difference supports.
     */
    default boolean hasOwnModel() {
        return false;
    }

    @Override
    void close();
}
