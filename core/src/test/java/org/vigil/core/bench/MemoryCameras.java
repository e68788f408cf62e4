package org.vigil.core.bench;

import org.vigil.core.config.CameraConfig;
import org.vigil.core.config.ConfigLoader;
import org.vigil.core.config.VigilConfig;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.pipeline.CameraSource;
import org.vigil.core.pipeline.NegotiatedFormat;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.MemoryCaptureStream;
import org.vigil.kernel.v4l2.Wakeup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Cameras in memory for the daemon's own pipeline: each configured camera shows the scene of its name, at the
 * config's size and rate, paced like a camera (or unpaced, for JMH). The camera's device key is not looked at.
 */
public final class MemoryCameras implements CameraSource {
    private final Map<String, BenchScene> scenes;
    private final boolean paced;

    public MemoryCameras(Map<String, BenchScene> scenes, boolean paced) {
        this.scenes = Map.copyOf(scenes);
        this.paced = paced;
    }

    /** The daemon itself on memory cameras (paced) and memory pipes, started with this config text. */
    public static Daemon startDaemon(Path dir, CharSequence yaml, Map<String, BenchScene> scenes) throws Exception {
        Path file = dir.resolve("vigil.yml");
        Files.writeString(file, yaml);
        DetectorCatalog detectors = DetectorCatalog.load();
        VigilConfig config = new ConfigLoader(detectors).load(file);
        Daemon daemon = Daemon.create(detectors, null, new MemoryCameras(scenes, true), new MemoryPipes());
        daemon.start(config);
        return daemon;
    }

    @Override
    public Opened open(CameraConfig config, Wakeup wakeup) {
        BenchScene scene = scenes.get(config.name());
        if (scene == null) {
            throw new IllegalArgumentException("no memory scene for camera " + config.name());
        }
        if (scene.format().width() != config.width() || scene.format().height() != config.height()) {
            throw new IllegalArgumentException("camera " + config.name() + " is configured at " + config.size()
                    + ", its scene is " + scene.format().describeRequest());
        }
        int fps = config.fps() == 0 ? 30 : config.fps();
        NegotiatedFormat format = new NegotiatedFormat(scene.format(), new Fraction(1, fps), "a memory camera");
        MemoryCaptureStream stream = new MemoryCaptureStream(scene.format(), scene.pictures(), scene.order(), fps, paced,
                wakeup);
        return new Opened(Path.of("memory:" + config.name()), stream, format, null);
    }
}
