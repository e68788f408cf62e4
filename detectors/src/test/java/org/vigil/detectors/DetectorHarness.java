package org.vigil.detectors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.opencv.core.Mat;

/** Runs a detector over generated frames at a fixed rate and keeps every detection. */
final class DetectorHarness {

    static final double FPS = 10;

    private DetectorHarness() {
    }

    static List<Detection> run(MotionDetector detector, int frames, IntFunction<Mat> frame) {
        return run(detector, 0, frames, frame);
    }

    static List<Detection> run(MotionDetector detector, int firstFrame, int frames, IntFunction<Mat> frame) {
        List<Detection> detections = new ArrayList<>();
        for (int i = firstFrame; i < firstFrame + frames; i++) {
            Mat mat = frame.apply(i);
            detections.add(detector.detect(mat, Math.round(i * 1e9 / FPS)));
            mat.release();
        }
        return detections;
    }

    static MotionDetector create(String name, int width, int height) {
        DetectorProvider provider = DetectorCatalog.load().provider(name);
        return provider.create(DetectorSetup.of(width, height, provider.options().defaults()));
    }

    static long count(List<Detection> detections, DetectionState state) {
        return detections.stream().filter(d -> d.state() == state).count();
    }
}
