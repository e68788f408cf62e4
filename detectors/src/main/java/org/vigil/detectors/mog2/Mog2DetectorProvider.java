package org.vigil.detectors.mog2;

import java.util.ArrayList;
import java.util.List;

import org.vigil.detectors.DetectorProvider;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.MotionDetector;
import org.vigil.opencv.OpenCvNatives;
import org.vigil.detectors.analysis.ChangeDetector;
import org.vigil.detectors.analysis.CommonOptions;
import org.vigil.detectors.analysis.ReferenceTiming;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.options.OptionValues;

/** OpenCV's MOG2 background subtractor behind the same lighting rejection, clean-up and Detection output. */
public final class Mog2DetectorProvider implements DetectorProvider {

    public static final String NAME = "mog2";

    /** The reference frame here only anchors the brightness fit and the noise level; MOG2 keeps its own model. */
    private static final ReferenceTiming BRIGHTNESS_ANCHOR = new ReferenceTiming(2, 30);

    private static final OptionTable OPTIONS = new OptionTable(specs());

    private static List<OptionSpec<?>> specs() {
        List<OptionSpec<?>> specs = new ArrayList<>(CommonOptions.SPECS);
        specs.add(OptionSpec.integer("history", 300, 2, 100_000,
                "Frames of history the Gaussian mixture learns from (OpenCV's history): a still object joins the background after a fraction of it."));
        specs.add(OptionSpec.decimal("var-threshold", 25, 1, 10_000,
                "Squared Mahalanobis distance from the mixture above which a pixel is foreground (OpenCV's varThreshold)."));
        specs.add(OptionSpec.flag("detect-shadows", false,
                "Mark shadows and ignore them (OpenCV's detectShadows); on a grey image any darkening looks like a shadow, so dark objects get lost."));
        return specs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "OpenCV's MOG2 Gaussian-mixture background subtractor; copes with backgrounds that flicker between "
                + "a few states (water, screens), at several times the reference detector's cost.";
    }

    @Override
    public OptionTable options() {
        return OPTIONS;
    }

    @Override
    public MotionDetector create(DetectorSetup setup) {
        OptionValues values = setup.optionsOf(this);
        OpenCvNatives.load();
        return new ChangeDetector(setup, CommonOptions.from(values), BRIGHTNESS_ANCHOR,
                new Mog2Rule(values.integer("history"), values.decimal("var-threshold"), values.flag("detect-shadows")));
    }
}
