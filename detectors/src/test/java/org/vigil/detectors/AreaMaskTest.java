package org.vigil.detectors;

import org.vigil.options.OptionValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AreaMaskTest {

    @TempDir
    Path dir;

    @Test
    void binaryPgmRoundTrips() throws IOException {
        byte[] pixels = new byte[8 * 6];
        pixels[5] = (byte) 255;
        pixels[47] = (byte) 200;
        AreaMask mask = AreaMask.of("test", 8, 6, pixels);
        Path file = dir.resolve("mask.pgm");
        Files.write(file, mask.toPgm());
        AreaMask read = AreaMask.readPgm(file);
        assertEquals(mask, read);
        assertTrue(read.isWatched(5, 0));
        assertTrue(read.isWatched(7, 5));
        assertFalse(read.isWatched(0, 0));
    }

    @Test
    void plainPgmWithCommentsAndSixteenBits() throws IOException {
        Path file = dir.resolve("plain.pgm");
        Files.writeString(file, "P2\n# drawn by hand\n3 2\n65535\n0 65535 40000\n# row two\n30000 0 65535\n", StandardCharsets.US_ASCII);
        AreaMask mask = AreaMask.readPgm(file);
        assertFalse(mask.isWatched(0, 0));
        assertTrue(mask.isWatched(1, 0));
        assertTrue(mask.isWatched(2, 0));
        assertFalse(mask.isWatched(0, 1)); // 30000 is below half of 65535
    }

    @Test
    void aPngIsRefusedWithTheRemedy() throws IOException {
        Path file = dir.resolve("mask.png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10});
        DetectorSetupException e = assertThrows(DetectorSetupException.class, () -> AreaMask.readPgm(file));
        assertTrue(e.getMessage().contains("is not a PGM picture"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path file = dir.resolve("short.pgm");
        Files.write(file, "P5\n10 10\n255\nabc".getBytes(StandardCharsets.US_ASCII));
        DetectorSetupException e = assertThrows(DetectorSetupException.class, () -> AreaMask.readPgm(file));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void aMissingFileNamesThePath() {
        Path file = dir.resolve("nowhere.pgm");
        DetectorSetupException e = assertThrows(DetectorSetupException.class, () -> AreaMask.readPgm(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aMaskOfAnotherAspectRatioIsRefused() {
        AreaMask square = AreaMask.of("square.pgm", 100, 100, new byte[100 * 100]);
        OptionValues options = DetectorCatalog.load().provider("reference").options().defaults();
        DetectorSetupException e = assertThrows(DetectorSetupException.class,
                () -> DetectorSetup.of(1920, 1080, options).withDetectionMask(square));
        assertTrue(e.getMessage().contains("aspect"), e.getMessage());
        // the same aspect at another resolution is fine: masks are rescaled to the frame
        DetectorSetup.of(640, 360, options).withDetectionMask(AreaMask.of("small.pgm", 16, 9, new byte[16 * 9]));
    }

    @Test
    void zonesAreChecked() {
        OptionValues options = DetectorCatalog.load().provider("reference").options().defaults();
        Zone outside = new Zone("door", List.of(new Vertex(0, 0), new Vertex(700, 0), new Vertex(700, 100)), 0.1);
        DetectorSetupException e = assertThrows(DetectorSetupException.class,
                () -> DetectorSetup.of(640, 480, options).withZones(List.of(outside)));
        assertTrue(e.getMessage().contains("zone 'door'") && e.getMessage().contains("(700, 0)"), e.getMessage());
        assertThrows(DetectorSetupException.class, () -> new Zone("line", List.of(new Vertex(0, 0), new Vertex(5, 5)), 0.1));
        assertThrows(DetectorSetupException.class, () -> new Zone("door", outside.polygon(), 0));
        Zone inside = new Zone("door", List.of(new Vertex(0, 0), new Vertex(100, 0), new Vertex(100, 100)), 0.1);
        assertThrows(DetectorSetupException.class, () -> DetectorSetup.of(640, 480, options).withZones(List.of(inside, inside)));
    }
}
