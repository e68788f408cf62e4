package org.vigil.core.testing;

import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.DetectorProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped detectors plus the test ones, found through the SPI for real: the test detectors' service file lives in
 * a directory of its own (not in test-classes, where every unit test's catalog would pick them up) that a class loader
 * adds to the path while the catalog is loaded.
 */
public final class TestDetectors {
    private TestDetectors() {
    }

    public static DetectorCatalog catalog() {
        try {
            Path dir = Files.createTempDirectory("vigil-test-spi");
            Path services = Files.createDirectories(dir.resolve("META-INF/services"));
            Files.writeString(services.resolve(DetectorProvider.class.getName()),
                    SlowDetectorProvider.class.getName() + "\n" + RecordingDetectorProvider.class.getName() + "\n");
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, TestDetectors.class.getClassLoader())) {
                thread.setContextClassLoader(loader);
                return DetectorCatalog.load();
            } finally {
                thread.setContextClassLoader(before);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
