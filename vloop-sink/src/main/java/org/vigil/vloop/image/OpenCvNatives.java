package org.vigil.vloop.image;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_java;

/** The bytedeco natives behind the org.opencv classes, loaded on first use by the JVM's class-initialisation lock. */
public final class OpenCvNatives {
    private OpenCvNatives() {
    }

    /** Loads the natives once; every class here that makes a Mat calls this first. */
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
