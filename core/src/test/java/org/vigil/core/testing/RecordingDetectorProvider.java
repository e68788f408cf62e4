package org.vigil.core.testing;

import org.opencv.core.Mat;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;
import org.vigil.detectors.DetectorProvider;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.MotionDetector;
import org.vigil.options.OptionTable;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A detector that keeps a copy of every grey picture it is given, at half the frame's width, so a test can check
 * the luma the pipeline made of a camera's frames. Reports quiet.
 */
public final class RecordingDetectorProvider implements DetectorProvider {
    /** A picture given to the detector: its size, its bytes, its timestamp. */
    public record Input(int width, int height, byte[] grey, long timestampNanos) {
    }

    public static final ConcurrentLinkedQueue<Input> INPUTS = new ConcurrentLinkedQueue<>();
    private static final OptionTable OPTIONS = OptionTable.of();

    @Override
    public String name() {
        return "recording-test";
    }

    @Override
    public String description() {
        return "A test detector that records its input.";
    }

    @Override
    public OptionTable options() {
        return OPTIONS;
    }

    @Override
    public MotionDetector create(DetectorSetup setup) {
        setup.optionsOf(this);
        return new MotionDetector() {
            @Override
            public Detection detect(Mat grey, long timestampNanos) {
                byte[] copy = new byte[grey.rows() * grey.cols()];
                grey.get(0, 0, copy);
                INPUTS.add(new Input(grey.cols(), grey.rows(), copy, timestampNanos));
                return Detection.without(DetectionState.QUIET, 0, 0, 0);
            }

            @Override
            public int inputWidth(int frameWidth) {
                return frameWidth / 2;
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
