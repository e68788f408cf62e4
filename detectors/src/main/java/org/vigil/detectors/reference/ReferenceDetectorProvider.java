package org.vigil.detectors.reference;

import java.util.ArrayList;
import java.util.List;

import org.vigil.detectors.DetectorProvider;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.MotionDetector;
import org.vigil.detectors.analysis.ChangeDetector;
import org.vigil.detectors.analysis.CommonOptions;
import org.vigil.detectors.analysis.ReferenceTiming;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.options.OptionValues;

/** The Motion family done right: a per-pixel reference frame, a noise-tuned threshold, lighting rejection. */
public final class ReferenceDetectorProvider implements DetectorProvider {

    public static final String NAME = "reference";

    private static final OptionTable OPTIONS = new OptionTable(specs());

    private static List<OptionSpec<?>> specs() {
        List<OptionSpec<?>> specs = new ArrayList<>(CommonOptions.SPECS);
        specs.add(OptionSpec.decimal("noise-multiplier", 5, 1, 50,
                "A pixel has changed when it differs from the reference by more than this many times the scene's noise level."));
        specs.add(OptionSpec.integer("min-difference", 8, 1, 255,
                "Smallest grey-level difference from the reference that counts as a change, however quiet the sensor."));
        specs.add(OptionSpec.decimal("adapt-time", 2, 0.1, 3600,
                "Time constant in seconds with which the reference follows slow changes of the still background."));
        specs.add(OptionSpec.decimal("absorb-time", 10, 0.5, 86400,
                "Seconds after which a new still object (a parked car, a moved chair) becomes part of the reference."));
        return specs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Compares each frame with a per-pixel reference frame after cancelling brightness changes; "
                + "fast, and the first choice for a fixed indoor or outdoor camera.";
    }

    @Override
    public OptionTable options() {
        return OPTIONS;
    }

    @Override
    public MotionDetector create(DetectorSetup setup) {
        OptionValues values = setup.optionsOf(this);
        return new ChangeDetector(setup, CommonOptions.from(values),
                new ReferenceTiming(values.decimal("adapt-time"), values.decimal("absorb-time")),
                new NoiseThresholdRule(values.decimal("noise-multiplier"), values.decimal("min-difference")));
    }
}
