package org.vigil.core.rig;

import org.junit.jupiter.api.Test;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.LogLines;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.kernel.testing.ExternalCommand;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.core.rig.RigClients.sql;

/**
 * Numbered frames into a loopback camera (each frame's number in 16 big black-or-white blocks along its top): still
 * up to frame 100, then a square moves. The event's movie begins with frames from before the first motion frame,
 * pre-capture's two seconds of them, in order, as the frame numbers decoded from the movie show.
 */
class PreCaptureIT {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final int FPS = 10;
    private static final int MOTION_FROM = 100;
    private static final int FRAMES = 300;
    private static final int BLOCK = 16;
    private static final int BITS = 16;

    @Test
    void theMovieBeginsWithTheFramesBeforeTheFirstMotion() throws Exception {
        Path clip = Files.createTempFile("vigil-numbered", ".gray");
        try (OutputStream out = Files.newOutputStream(clip)) {
            for (int n = 0; n < FRAMES; n++) {
                out.write(frame(n));
            }
        }
        Path target = Files.createTempDirectory("vigil-precapture");
        // the numbers change every frame: the detector must not see them (the top 24 rows are masked)
        Path mask = target.resolve("numbers-masked.pgm");
        Files.write(mask, Pgm.blackRectangle(WIDTH / 8, HEIGHT / 8, 0, 0, WIDTH / 8, 3));
        Path config = ConfigFiles.write("""
                status-interval: 3600
                loopback: {pipe: off}           # no annotated feed: cam-a and cam-b are cameras here
                target-dir: %s
                fps: %d
                size: %dx%d
                events: {event-gap: 3, pre-capture: 2, post-capture: 1}
                cameras:
                  numbered:
                    device: {card: cam-a}
                    detection-mask: %s
                """.formatted(target, FPS, WIDTH, HEIGHT, mask));
        DetectorCatalog detectors = TestDetectors.catalog();
        Daemon daemon = Daemon.create(detectors, null);
        FfmpegCamera camera = null;
        try (LogLines log = LogLines.capture()) {
            daemon.start(ConfigFiles.load(config, detectors));
            log.await("camera numbered: cannot open", 1, 120_000); // OpenCV loaded; the clip starts from its frame 0
            camera = FfmpegCamera.start(List.of("-f", "rawvideo", "-pix_fmt", "gray", "-video_size", WIDTH + "x" + HEIGHT,
                    "-framerate", String.valueOf(FPS)), clip, RigVideo.loopback("cam-a"), List.of("-pix_fmt", "yuyv422"));
            log.await("camera numbered: event 1 started", 1, 120_000);
            log.await("camera numbered: movie ", 1, 120_000);
        } finally {
            daemon.stop(Duration.ofSeconds(15));
            if (camera != null) {
                camera.close();
            }
        }
        Path movie = Path.of(sql(target.resolve("events.db"), "SELECT movie FROM events WHERE id = 1"));
        List<Integer> numbers = numbers(movie, 40);
        System.out.println("the movie's first frames: " + numbers);
        int first = numbers.get(0);
        assertTrue(first < MOTION_FROM, "the movie's first frame, " + first + ", is not from before the motion");
        assertTrue(first >= MOTION_FROM - 2 * FPS - 3 && first <= MOTION_FROM - 2 * FPS + 3,
                "the first frame " + first + " is not pre-capture's 2 s before the motion at " + MOTION_FROM);
        for (int i = 1; i < numbers.size(); i++) {
            assertEquals(numbers.get(i - 1) + 1, numbers.get(i), "frames in order, none missing: " + numbers);
        }
    }

    /** A grey frame with its number along the top; from MOTION_FROM on, a white square moving right. */
    private static byte[] frame(int n) {
        byte[] f = new byte[WIDTH * HEIGHT];
        java.util.Arrays.fill(f, (byte) 128);
        for (int bit = 0; bit < BITS; bit++) {
            byte value = (byte) (((n >> bit) & 1) == 1 ? 235 : 16);
            for (int y = 0; y < BLOCK; y++) {
                for (int x = bit * BLOCK; x < (bit + 1) * BLOCK; x++) {
                    f[y * WIDTH + x] = value;
                }
            }
        }
        if (n >= MOTION_FROM) {
            int left = 20 + (n - MOTION_FROM) * 4 % (WIDTH - 80);
            for (int y = 100; y < 160; y++) {
                for (int x = left; x < left + 60; x++) {
                    f[y * WIDTH + x] = (byte) 235;
                }
            }
        }
        return f;
    }

    /** The numbers of the movie's first frames, read back from the blocks of each decoded frame. */
    private static List<Integer> numbers(Path movie, int frames) throws Exception {
        Path raw = Files.createTempFile("vigil-movie", ".gray");
        ExternalCommand.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", movie.toString(), "-frames:v",
                String.valueOf(frames), "-f", "rawvideo", "-pix_fmt", "gray", "-y", raw.toString()));
        byte[] all = Files.readAllBytes(raw);
        Files.delete(raw);
        List<Integer> numbers = new ArrayList<>();
        for (int offset = 0; offset + WIDTH * HEIGHT <= all.length; offset += WIDTH * HEIGHT) {
            int n = 0;
            for (int bit = 0; bit < BITS; bit++) {
                int centre = offset + (BLOCK / 2) * WIDTH + bit * BLOCK + BLOCK / 2;
                if ((all[centre] & 0xff) > 128) {
                    n |= 1 << bit;
                }
            }
            numbers.add(n);
        }
        return numbers;
    }
}
