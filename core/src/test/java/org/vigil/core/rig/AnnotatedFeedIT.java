package org.vigil.core.rig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.pipeline.CameraPipeline;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two vivid cameras through the daemon into two pipes: one with its pattern (a ten-pixel cross) moving, one still,
 * both with vivid's changing text off. The annotated pictures differ from the camera's only where the overlay drew;
 * the moving camera's have boxes, the still one's none; and v4l2-ctl and ffmpeg read those very pictures from the pipes.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotatedFeedIT {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int FRAME_BYTES = WIDTH * HEIGHT * 2;
    private static final TapRecorder tap = new TapRecorder();
    /** The still camera's privacy mask: its top right quarter is private. */
    private static final int[] PRIVATE = {WIDTH / 2, 0, WIDTH / 2, HEIGHT / 2};
    private static Daemon daemon;

    @BeforeAll
    static void start() throws Exception {
        DetectorCatalog detectors = TestDetectors.catalog();
        Path mask = Files.createTempFile("vigil-privacy", ".pgm");
        Files.write(mask, Pgm.blackRectangle(WIDTH / 8, HEIGHT / 8, PRIVATE[0] / 8, PRIVATE[1] / 8, PRIVATE[2] / 8,
                PRIVATE[3] / 8));
        Path file = ConfigFiles.write("""
                status-interval: 3600
                fps: 10
                size: 640x480
                cameras:
                  moving:
                    device: %s
                    controls: {test_pattern: 19, horizontal_movement: 5, osd_text_mode: 2}
                    loopback: {pipe: label:feed-a, motion-pipe: label:feed-c}
                  still:
                    device: %s
                    controls: {test_pattern: 19, horizontal_movement: 3, osd_text_mode: 2}
                    privacy-mask: %s
                    loopback: {pipe: label:feed-b}
                """.formatted(RigVideo.vivid(0), RigVideo.vivid(1), mask));
        daemon = Daemon.create(detectors, tap);
        daemon.start(ConfigFiles.load(file, detectors));
        Streams.awaitStreaming(daemon, List.of("moving", "still"), Duration.ofSeconds(120));
        Streams.awaitFrames(daemon.camera("moving"), 30, Duration.ofSeconds(60)); // past the detector's calibration
    }

    @AfterAll
    static void stop() {
        tap.clear();
        if (daemon != null) {
            daemon.stop(Duration.ofSeconds(3));
        }
    }

    @Test
    @Order(1)
    void theAnnotatedPictureIsTheCamerasOutsideTheOverlay() throws Exception {
        tap.record(30);
        for (String camera : List.of("moving", "still")) {
            List<TapRecorder.Shot> shots = tap.await(camera, 30, 60_000);
            for (TapRecorder.Shot shot : shots) {
                assertEquals(FRAME_BYTES, shot.picture().length);
                List<int[]> changed = new ArrayList<>(shot.drawn());
                if (camera.equals("still")) {
                    changed.add(PRIVATE);
                    assertEquals(0, Yuyv.notBlack(shot.picture(), WIDTH, PRIVATE, shot.drawn()),
                            "the privacy mask's area is blank outside the labels");
                }
                int outside = Yuyv.differencesOutside(shot.camera(), shot.picture(), WIDTH, HEIGHT, changed);
                assertEquals(0, outside, camera + " frame " + shot.sequence() + ": bytes changed outside the overlay's "
                        + shot.drawn().size() + " regions");
                assertTrue(Yuyv.differencesOutside(shot.camera(), shot.picture(), WIDTH, HEIGHT, List.of()) > 0,
                        camera + " frame " + shot.sequence() + ": nothing was drawn");
            }
        }
        tap.stop();
    }

    @Test
    @Order(2)
    void theMovingCameraHasBoxesAndTheStillOneNone() throws Exception {
        tap.record(40);
        List<TapRecorder.Shot> moving = tap.await("moving", 40, 60_000);
        List<TapRecorder.Shot> still = tap.await("still", 40, 60_000);
        tap.stop();
        long boxed = moving.stream().filter(shot -> shot.drawn().size() > 2).count(); // two labels, then boxes
        assertTrue(boxed >= 10, "moving: " + boxed + " of 40 frames with boxes");
        assertTrue(still.stream().allMatch(shot -> shot.drawn().size() == 2), "still: a frame with boxes");
        assertTrue(moving.stream().anyMatch(shot -> Yuyv.redPixels(shot.picture(), WIDTH, HEIGHT) > 100), "no red box drawn");
        assertTrue(still.stream().allMatch(shot -> Yuyv.redPixels(shot.picture(), WIDTH, HEIGHT) == 0), "red on the still camera");
    }

    @Test
    @Order(3)
    void viewersReadTheAnnotatedPicturesFromThePipes() throws Exception {
        for (String camera : List.of("moving", "still")) {
            Path pipe = RigVideo.loopback(camera.equals("moving") ? "feed-a" : "feed-b");
            tap.recordDigests(1000);
            List<byte[]> byFfmpeg = Viewers.ffmpeg(pipe, "yuyv422", WIDTH, HEIGHT, 12, FRAME_BYTES);
            List<byte[]> byV4l2ctl = Viewers.v4l2ctl(pipe, 12, FRAME_BYTES);
            tap.stop();
            Set<String> written = new HashSet<>();
            tap.shots(camera).forEach(shot -> written.add(shot.digest()));
            for (List<byte[]> frames : List.of(byFfmpeg, byV4l2ctl)) {
                String client = frames == byFfmpeg ? "ffmpeg" : "v4l2-ctl";
                long known = frames.stream().filter(frame -> written.contains(Arrays.toString(Yuyv.digest(frame)))).count();
                // a viewer's first frame may be one the pipe held before the recording began
                assertTrue(known >= frames.size() - 1, camera + ": " + client + " read " + known + " of " + frames.size()
                        + " frames that vigil wrote while it read");
                long red = frames.stream().filter(frame -> Yuyv.redPixels(frame, WIDTH, HEIGHT) > 100).count();
                if (camera.equals("moving")) {
                    assertTrue(red > 0, client + ": no boxes in the moving camera's pipe");
                } else {
                    assertEquals(0, red, client + ": boxes in the still camera's pipe");
                }
            }
        }
    }

    @Test
    @Order(4)
    void theMotionPipeShowsWhatChanged() throws Exception {
        // the detector's change picture at its 320x240 analysis size, white where the cross moved, in YUYV
        List<byte[]> frames = Viewers.v4l2ctl(RigVideo.loopback("feed-c"), 10, 320 * 240 * 2);
        long changing = frames.stream().filter(frame -> {
            int white = 0;
            for (int at = 0; at < frame.length; at += 2) {
                white += (frame[at] & 0xff) == 255 && (frame[at + 1] & 0xff) == 128 ? 1 : 0;
            }
            return white > 50 && white < 320 * 240 / 4;
        }).count();
        assertTrue(changing >= 3, changing + " of 10 motion pictures show a change the size of the moving bar");
    }

    @Test
    @Order(5)
    void theStatusLineCountsFramesInAndOut() {
        CameraPipeline moving = daemon.camera("moving");
        String line = daemon.statusLine("moving");
        assertTrue(line.matches("camera moving: streaming /dev/video\\d+ 640x480 YUYV at 10 fps; last \\d+ s: \\d+ frames in "
                + "\\(\\d+\\.\\d/s\\), \\d+ to the pipe \\(\\d+\\.\\d ms after capture\\), detection \\d+\\.\\d/s at \\d+\\.\\d ms \\(\\d+ skipped\\); dropped: "
                + "capture \\d+, damaged 0, pipe \\d+; pipe /dev/video\\d+ up, motion pipe /dev/video\\d+ up"), line);
        assertTrue(moving.counters().framesIn() > 100, line);
    }
}
