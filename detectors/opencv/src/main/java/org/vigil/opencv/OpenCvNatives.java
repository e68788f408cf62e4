package org.vigil.opencv;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_java;

/**
 * The bytedeco natives behind the org.opencv classes, loaded once by the JVM's class-initialisation lock. Every
 * class that makes a Mat calls {@link #load()} first. In an emulated guest this takes about 20 s (opencv_java pulls in
 * every OpenCV module), which is why commands that need no image work never call it.
 */
public final class OpenCvNatives {
    private OpenCvNatives() {
    }

    public static void load() {
        Loaded.ensure();
    }

    private static final class Loaded {
        static {
            Loader.load(opencv_java.class);
        }

        static void ensure() {
            // class initialisation did the work
        }
    }
}
