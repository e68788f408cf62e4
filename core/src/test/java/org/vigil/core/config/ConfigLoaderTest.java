package org.vigil.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.Vertex;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.IoMode;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeChoice;
import org.vigil.vloop.PipeFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a good file turns into (the bad ones are BadConfigCorpusTest's), and what a reload must restart for. */
class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader(DetectorCatalog.load());

    private VigilConfig load(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("vigil.yml");
        Files.writeString(file, yaml);
        return loader.load(file);
    }

    @Test
    void topLevelKeysAreEveryCamerasDefaultsAndSectionsMergeKeyByKey(@TempDir Path dir) throws Exception {
        VigilConfig config = load(dir, """
                status-interval: 15
                fps: 10
                size: 1280x720
                detector:
                  threshold: 0.002
                  absorb-time: 30
                loopback:
                  format: yu12
                annotation:
                  time: false
                controls:
                  brightness: 100
                cameras:
                  driveway:
                    device: /dev/v4l/by-id/usb-cam-video-index0
                    detector:
                      threshold: 0.005
                    loopback:
                      pipe: label:driveway
                    controls:
                      contrast: 20
                      power_line_frequency: 1
                  garden:
                    device: {card: USB2.0 PC CAMERA}
                    size: 640x480
                    pixel-format: mjpeg
                    io: read
                    detector:
                      name: mog2
                      history: 50
                    annotation:
                      boxes: false
                """);
        assertEquals(Duration.ofSeconds(15), config.statusInterval());
        assertEquals(List.of("driveway", "garden"), List.copyOf(config.cameras().keySet()));
        CameraConfig driveway = config.cameras().get("driveway");
        assertEquals(new DeviceSelector.ByPath(Path.of("/dev/v4l/by-id/usb-cam-video-index0")), driveway.device());
        assertEquals(new Resolution(1280, 720), driveway.size());
        assertEquals(10, driveway.fps());
        assertEquals(PixelFormatChoice.AUTO, driveway.pixelFormat());
        assertEquals("reference", driveway.detector().name());
        assertEquals(0.005, driveway.detector().options().decimal("threshold"), "the camera's own value");
        assertEquals(30, driveway.detector().options().decimal("absorb-time"), "the top level's");
        assertEquals(Optional.of(new PipeChoice.Labelled("driveway")), driveway.loopback().feed());
        assertEquals(PipeFormat.YU12, driveway.loopback().format());
        assertEquals(OutputMode.AUTO, driveway.loopback().mode());
        assertFalse(driveway.annotation().time());
        assertTrue(driveway.annotation().boxes());
        assertEquals(List.of("brightness", "contrast", "power_line_frequency"), List.copyOf(driveway.controls().keySet()),
                "controls in file order, the defaults first");
        assertEquals(Map.of("brightness", 100, "contrast", 20, "power_line_frequency", 1), driveway.controls());

        CameraConfig garden = config.cameras().get("garden");
        assertEquals(new DeviceSelector.ByCard("USB2.0 PC CAMERA"), garden.device());
        assertEquals(new Resolution(640, 480), garden.size());
        assertEquals(FourCC.MJPG, garden.pixelFormat().fourcc());
        assertEquals(IoMode.READ, garden.io());
        assertEquals("mog2", garden.detector().name());
        assertEquals(50, garden.detector().options().integer("history"));
        assertEquals(0.0004, garden.detector().options().decimal("threshold"),
                "another detector takes none of the top level's detector options");
        assertFalse(garden.annotation().boxes());
        assertFalse(garden.annotation().time(), "annotation merges key by key");
    }

    @Test
    void aCamerasDetectorSectionWithoutANameBelongsToTheTopLevelsDetector(@TempDir Path dir) throws Exception {
        VigilConfig config = load(dir, """
                detector:
                  name: mog2
                  history: 100
                cameras:
                  pond:
                    device: /dev/video0
                    detector:
                      var-threshold: 40
                """);
        CameraConfig pond = config.cameras().get("pond");
        assertEquals("mog2", pond.detector().name());
        assertEquals(100, pond.detector().options().integer("history"));
        assertEquals(40, pond.detector().options().decimal("var-threshold"));
    }

    @Test
    void zonesAndMasksAreReadWithMasksFromTheConfigsDirectory(@TempDir Path dir) throws Exception {
        byte[] pgm = ("P5\n4 3\n255\n").getBytes();
        byte[] pixels = new byte[12];
        java.util.Arrays.fill(pixels, (byte) 255);
        pixels[0] = 0;
        Files.write(dir.resolve("porch.pgm"), concat(pgm, pixels));
        VigilConfig config = load(dir, """
                cameras:
                  porch:
                    device: /dev/video0
                    privacy-mask: porch.pgm
                    zones:
                      - name: door
                        polygon: [[0, 0], [100, 0], [100, 200]]
                        threshold: 0.05
                      - name: path
                        polygon: [[200, 100], [300, 100], [300, 300], [200, 300]]
                """);
        CameraConfig porch = config.cameras().get("porch");
        assertTrue(porch.privacyMask().isPresent());
        assertFalse(porch.privacyMask().get().isWatched(0, 0));
        assertTrue(porch.privacyMask().get().isWatched(1, 0));
        assertEquals(2, porch.zones().size());
        assertEquals("door", porch.zones().get(0).name());
        assertEquals(List.of(new Vertex(0, 0), new Vertex(100, 0), new Vertex(100, 200)), porch.zones().get(0).polygon());
        assertEquals(0.05, porch.zones().get(0).threshold());
        assertEquals(ZoneOptions.THRESHOLD.defaultValue(), porch.zones().get(1).threshold());
    }

    @Test
    void aDeviceNotPluggedInYetIsANoteNotAProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vigil.yml");
        Files.writeString(file, "cameras:\n  later:\n    device: /dev/video97\n");
        ConfigLoader.Result result = loader.check(file);
        assertTrue(result.config().isPresent(), result.problems().toString());
        assertEquals(1, result.notes().size());
        assertEquals(file + ":3:13: cameras.later.device: /dev/video97 does not exist (yet): the daemon starts without "
                + "this camera and opens it when it appears", result.notes().get(0).toString());
    }

    @Test
    void aMissingFileIsOneProblemThatSaysWhatToDo(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(dir.resolve("none.yml")));
        assertEquals(List.of(dir.resolve("none.yml") + ": no such file: write one (conf/vigil.yml is the documented "
                + "default) or pass -c FILE"), e.problems().stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void aReloadRestartsACameraOnlyForWhatItsStreamOrPipesDependOn(@TempDir Path dir) throws Exception {
        CameraConfig base = load(dir, "cameras:\n  c:\n    device: /dev/video0\n").cameras().get("c");
        String[][] changes = {
                {"size: 320x240", "true"}, {"fps: 30", "true"}, {"pixel-format: GREY", "true"}, {"io: read", "true"},
                {"controls: {brightness: 10}", "true"}, {"loopback: {format: grey}", "true"}, {"frame-timeout: 9", "true"},
                {"device: /dev/video1", "true"}, {"detector: {threshold: 0.5}", "false"}, {"detection-fps: 1", "false"},
                {"annotation: {boxes: false}", "false"},
                {"zones: [{name: z, polygon: [[0, 0], [10, 0], [10, 10]]}]", "false"}};
        for (String[] change : changes) {
            String yaml = change[0].startsWith("device:") ? "cameras:\n  c:\n    " + change[0] + "\n"
                    : "cameras:\n  c:\n    device: /dev/video0\n    " + change[0] + "\n";
            CameraConfig changed = load(dir, yaml).cameras().get("c");
            assertFalse(changed.equals(base), change[0] + " changes the config");
            assertEquals(Boolean.parseBoolean(change[1]), base.needsRestartFor(changed), change[0]);
        }
        assertEquals(base, load(dir, "cameras:\n  c:\n    device: /dev/video0\n    fps: 15\n").cameras().get("c"),
                "a default written out is no change");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
