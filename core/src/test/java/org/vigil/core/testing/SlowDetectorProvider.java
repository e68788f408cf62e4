package org.vigil.core.testing;

import org.opencv.core.Mat;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;
import org.vigil.detectors.DetectorProvider;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.MotionDetector;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;

/** A detector that takes its time: sleeps {@code delay-ms} on every frame, then reports quiet. For the rig tests. */
public final class SlowDetectorProvider implements DetectorProvider {
    private static final OptionTable OPTIONS = OptionTable.of(OptionSpec.integer("delay-ms", 200, 0, 10_000,
            "Milliseconds each frame takes."));

    @Override
    public String name() {
        return "slow-test";
    }

    @Override
    public String description() {
        return "A test detector slower than the camera.";
    }

    @Override
    public OptionTable options() {
        return OPTIONS;
    }

    @Override
    public MotionDetector create(DetectorSetup setup) {
        long delay = setup.optionsOf(this).integer("delay-ms");
        return new MotionDetector() {
            @Override
            public Detection detect(Mat grey, long timestampNanos) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Detection.without(DetectionState.QUIET, 0, 0, 0);
            }

            @Override
            public void reset() {
            }

            @Override
            public void close() {
            }
        };
    }
}
