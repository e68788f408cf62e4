package org.vigil.detectors.analysis;

import java.util.List;

import org.vigil.options.OptionSpec;
import org.vigil.options.OptionValues;

/** Options every change detector built on {@link ChangeDetector} takes, and their values for one detector. */
public record CommonOptions(
        int analysisWidth,
        int blurRadius,
        int despeckleRadius,
        double threshold,
        long thresholdPixels,
        double thresholdMaximum,
        double minBoxArea,
        double mergeDistance,
        double lightingChange,
        double lightingSpread,
        double calibrationSeconds,
        boolean stabilise,
        double minTravel) {

    public static final List<OptionSpec<?>> SPECS = List.of(
            OptionSpec.integer("analysis-width", 320, 32, 4096,
                    "Width in pixels the frame is shrunk to (by the power of two that comes closest) before analysis: smaller is faster, larger sees smaller objects."),
            OptionSpec.integer("blur-radius", 1, 0, 5,
                    "Radius in analysis pixels of the Gaussian blur that softens sensor noise before comparing (0 turns it off)."),
            OptionSpec.integer("despeckle-radius", 1, 0, 5,
                    "Radius in analysis pixels of the morphological opening that removes isolated changed pixels, Motion's despeckle (0 turns it off)."),
            OptionSpec.decimal("threshold", 0.0004, 0, 1,
                    "Fraction of the watched area that must change for a frame to count as motion, whatever the resolution."),
            OptionSpec.integer("threshold-pixels", 0, 0, 100_000_000,
                    "Changed full-frame pixels needed for motion, as Motion counts them; 0 uses the fractional threshold instead."),
            OptionSpec.decimal("threshold-maximum", 1, 0, 1,
                    "Fraction of the watched area above which a change is not reported as motion (1 means no maximum)."),
            OptionSpec.decimal("min-box-area", 0.0003, 0, 1,
                    "Smallest changed region, as a fraction of the frame, that is reported as a box."),
            OptionSpec.decimal("merge-distance", 0.02, 0, 0.25,
                    "Changed regions closer than this fraction of the frame width are joined into one box."),
            OptionSpec.decimal("lighting-change", 0.12, 0.01, 10,
                    "Relative change of overall brightness or contrast from the reference that counts as a lighting change (light switch, cloud, IR switch) instead of motion."),
            OptionSpec.decimal("lighting-spread", 0.5, 0.05, 1,
                    "Share of the frame's grid cells holding change above which the change is lighting, not motion."),
            OptionSpec.decimal("calibration-time", 1, 0, 600,
                    "Seconds of frames the detector learns the scene from, at start and after reset, before it reports motion."),
            OptionSpec.flag("stabilise", true,
                    "Measure how far a shaking camera's picture moved and move it back before comparing (a camera on a pole in wind); off for a camera that cannot shake."),
            OptionSpec.decimal("min-travel", 0.03, 0, 1,
                    "Distance, as a fraction of the frame's width, that a changing region must travel to be motion: what changes but stays in place (leaves, a flag, insects) is reported as in-place motion, not motion; 0 turns the rule off."));

    public static CommonOptions from(OptionValues values) {
        return new CommonOptions(
                values.integer("analysis-width"),
                values.integer("blur-radius"),
                values.integer("despeckle-radius"),
                values.decimal("threshold"),
                values.longInteger("threshold-pixels"),
                values.decimal("threshold-maximum"),
                values.decimal("min-box-area"),
                values.decimal("merge-distance"),
                values.decimal("lighting-change"),
                values.decimal("lighting-spread"),
                values.decimal("calibration-time"),
                values.flag("stabilise"),
                values.decimal("min-travel"));
    }
}
