package org.vigil.detectors;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_java;

/** Loads the bytedeco OpenCV natives behind the org.opencv API; call before touching any org.opencv class. */
public final class OpenCvNatives {

    private static volatile boolean loaded;

    private OpenCvNatives() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OpenCvNatives.class) {
                if (!loaded) {
                    Loader.load(opencv_java.class);
                    loaded = true;
                }
            }
        }
    }
}
