package org.vigil.core.rig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.vigil.core.config.PixelFormatChoice;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.RecordingDetectorProvider;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.kernel.v4l2.BufferType;
import org.vigil.kernel.v4l2.FormatDescription;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.opencv.OpenCvNatives;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every raw format of the auto list that vivid offers, at 640x480 and at 320x180 with rows padded beyond the pixels,
 * and MJPEG fed into a loopback node by ffmpeg: the detector's grey picture is the frame's luma shrunk, and the
 * annotated YUYV picture carries the frame's luma and chroma outside the overlay, with the overlay's black labels and
 * white text inside. One daemon, its camera's format changed by reloads.
 */
@Order(2)
class FormatsIT {
    private static final TapRecorder tap = new TapRecorder();
    private static DetectorCatalog detectors;
    private static Daemon daemon;
    private static Path file;

    @BeforeAll
    static void start() throws Exception {
        OpenCvNatives.load();
        detectors = TestDetectors.catalog();
        file = ConfigFiles.write(config("device: " + RigVideo.vivid(0), 640, 480, "YUYV", 0));
        daemon = Daemon.create(detectors, tap);
        daemon.start(ConfigFiles.load(file, detectors));
        Streams.awaitStreaming(daemon, List.of("fmt"), Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        tap.clear();
        if (daemon != null) {
            daemon.stop(Duration.ofSeconds(3));
        }
    }

    private static String config(String device, int width, int height, String format, int bytesPerLine) {
        return """
                status-interval: 3600
                cameras:
                  fmt:
                    %s
                    size: %dx%d
                    fps: 10
                    pixel-format: %s
                    bytes-per-line: %d
                    detection-fps: 0
                    detector: {name: recording-test}
                    %s
                    loopback: {pipe: label:feed-a}
                """.formatted(device, width, height, format, bytesPerLine, device.startsWith("device: /dev")
                ? "controls: {test_pattern: 0, horizontal_movement: 3, osd_text_mode: 2}" : "");
    }

    @Test
    void everyRawFormatViviOffersAtTwoSizesOneWithPaddedRows() throws Exception {
        List<Integer> offered;
        try (V4l2Device vivid = V4l2Device.open(RigVideo.vivid(0))) {
            offered = vivid.formats(BufferType.VIDEO_CAPTURE).stream().map(FormatDescription::pixelFormat).toList();
        }
        List<String> tested = new ArrayList<>();
        for (int fourcc : PixelFormatChoice.AUTO_ORDER) {
            if (fourcc == FourCC.MJPG || !offered.contains(fourcc)) {
                continue;
            }
            String name = PixelFormatChoice.name(fourcc);
            int bytesPerPixel = fourcc == FourCC.YUYV || fourcc == PixelFormatChoice.UYVY ? 2
                    : fourcc == PixelFormatChoice.RGB24 ? 3 : 1;
            check("device: " + RigVideo.vivid(0), 640, 480, name, 0, false);
            check("device: " + RigVideo.vivid(0), 320, 180, name, 320 * bytesPerPixel + 64, true);
            tested.add(name);
        }
        System.out.println("formats checked at 640x480 and padded 320x180: " + tested);
        assertTrue(tested.containsAll(List.of("YUYV", "UYVY", "NV12", "YU12", "GREY")), "tested only " + tested);
    }

    @Test
    void mjpegFromALoopbackCamera() throws Exception {
        try (FfmpegCamera camera = FfmpegCamera.start(Footage.vtest(), RigVideo.loopback("cam-a"),
                List.of("-vf", "scale=640:480", "-c:v", "mjpeg", "-q:v", "4"))) {
            check("device: {card: cam-a}", 640, 480, "MJPG", 0, false);
            assertTrue(camera.isAlive(), camera.log());
        }
    }

    /** Switches the camera to this format (a reload), then checks shots and detector inputs of a few frames. */
    private static void check(String device, int width, int height, String format, int bytesPerLine, boolean padded)
            throws Exception {
        Files.writeString(file, config(device, width, height, format, bytesPerLine));
        assertTrue(daemon.reload(), "reload to " + format);
        Streams.awaitStreaming(daemon, List.of("fmt"), Duration.ofSeconds(60));
        Streams.awaitFrames(daemon.camera("fmt"), 3, Duration.ofSeconds(60));
        RecordingDetectorProvider.INPUTS.clear();
        tap.record(6);
        List<TapRecorder.Shot> shots = tap.await("fmt", 6, 60_000);
        tap.stop();
        String what = format + " " + width + "x" + height + (padded ? " padded" : "");
        int checkedInputs = 0;
        for (TapRecorder.Shot shot : shots) {
            PixFormat pix = shot.format();
            assertEquals(width, pix.width(), what);
            assertEquals(FourCC.of(format.equals("RGB24") ? "RGB3" : format), pix.pixelFormat(), what);
            if (padded) {
                assertEquals(bytesPerLine, pix.bytesPerLine(), what + ": the driver kept the padded rows");
            }
            FrameLuma expected = FrameLuma.of(shot.camera(), pix);
            int worst = FrameLuma.worstOutside(expected, shot.picture(), shot.drawn());
            assertTrue(worst <= expected.tolerance(), what + " frame " + shot.sequence() + ": luma or chroma off by " + worst
                    + " outside the overlay");
            assertTrue(FrameLuma.labelsLookRight(shot.picture(), width, shot.drawn()), what + ": the labels are not black "
                    + "with white text");
            for (RecordingDetectorProvider.Input input : RecordingDetectorProvider.INPUTS) {
                if (input.timestampNanos() == shot.timestampNanos()) {
                    assertEquals(width / 2, input.width(), what);
                    // packed 4:2:2 is shrunk as pixel pairs: beside a sharp edge its averages differ from the true ones
                    double off = expected.shareOff(input.grey(), input.width(), input.height(), expected.tolerance() + 2);
                    assertTrue(off < 0.02, what + ": " + Math.round(off * 100) + "% of the detector's picture is off by more "
                            + "than " + (expected.tolerance() + 2));
                    checkedInputs++;
                }
            }
        }
        assertTrue(checkedInputs >= 3, what + ": " + checkedInputs + " detector pictures matched a shot");
    }

    /**
     * What a camera frame holds, read from its bytes here, independently of the pipeline: the luma and chroma the YUYV
     * pipe must carry, and the grey picture the detector must get (at full size; JPEG's own reduced decode for MJPEG).
     */
    record FrameLuma(int width, int height, int[] luma, int[] chromaU, int[] chromaV, int[] grey, byte[] jpeg,
                     int tolerance) {

        static FrameLuma of(byte[] frame, PixFormat format) {
            int w = format.width();
            int h = format.height();
            int stride = format.bytesPerLine();
            int[] y = new int[w * h];
            int[] u = new int[w * h];
            int[] v = new int[w * h];
            int[] grey = y;
            int fourcc = format.pixelFormat();
            int tolerance = 0;
            if (fourcc == FourCC.MJPG) {
                Mat bgr = Imgcodecs.imdecode(new MatOfByte(frame), Imgcodecs.IMREAD_COLOR);
                byte[] pixels = new byte[w * h * 3];
                bgr.get(0, 0, pixels);
                bgr.release();
                for (int i = 0; i < w * h; i++) {
                    y[i] = limitedLuma(pixels[3 * i + 2] & 0xff, pixels[3 * i + 1] & 0xff, pixels[3 * i] & 0xff);
                    u[i] = -1; // chroma averaged over pixel pairs by OpenCV: not checked here
                    v[i] = -1;
                }
                return new FrameLuma(w, h, y, u, v, null, frame, 2);
            }
            if (fourcc == PixelFormatChoice.RGB24) {
                grey = new int[w * h];
                tolerance = 2;
            }
            for (int row = 0; row < h; row++) {
                for (int x = 0; x < w; x++) {
                    int i = row * w + x;
                    int pair = row * stride + (x & ~1) * 2;
                    if (fourcc == FourCC.YUYV) {
                        y[i] = frame[row * stride + 2 * x] & 0xff;
                        u[i] = frame[pair + 1] & 0xff;
                        v[i] = frame[pair + 3] & 0xff;
                    } else if (fourcc == PixelFormatChoice.UYVY) {
                        y[i] = frame[row * stride + 2 * x + 1] & 0xff;
                        u[i] = frame[pair] & 0xff;
                        v[i] = frame[pair + 2] & 0xff;
                    } else if (fourcc == FourCC.GREY) {
                        y[i] = frame[row * stride + x] & 0xff;
                        u[i] = 128;
                        v[i] = 128;
                    } else if (fourcc == FourCC.NV12) {
                        y[i] = frame[row * stride + x] & 0xff;
                        int c = stride * h + (row / 2) * stride + (x / 2) * 2;
                        u[i] = frame[c] & 0xff;
                        v[i] = frame[c + 1] & 0xff;
                    } else if (fourcc == FourCC.YU12) {
                        y[i] = frame[row * stride + x] & 0xff;
                        int c = (row / 2) * (stride / 2) + x / 2;
                        u[i] = frame[stride * h + c] & 0xff;
                        v[i] = frame[stride * h + (stride / 2) * (h / 2) + c] & 0xff;
                    } else if (fourcc == PixelFormatChoice.RGB24) {
                        int at = row * stride + 3 * x;
                        int r = frame[at] & 0xff;
                        int g = frame[at + 1] & 0xff;
                        int b = frame[at + 2] & 0xff;
                        y[i] = limitedLuma(r, g, b); // BT.601 video range, as RGB to YUV 4:2:2 writes it
                        u[i] = -1;
                        v[i] = -1;
                        grey[i] = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b); // full range, as RGB to grey
                    } else {
                        throw new AssertionError("no reference for " + FourCC.name(fourcc));
                    }
                }
            }
            return new FrameLuma(w, h, y, u, v, grey, null, tolerance);
        }

        static int limitedLuma(int r, int g, int b) {
            return (int) Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
        }

        /** The largest difference of the YUYV picture's luma (and chroma, where known) from this, outside the regions. */
        static int worstOutside(FrameLuma expected, byte[] yuyv, List<int[]> regions) {
            int worst = 0;
            for (int row = 0; row < expected.height; row++) {
                for (int x = 0; x < expected.width; x++) {
                    if (Yuyv.inside(x, row, regions)) {
                        continue;
                    }
                    int i = row * expected.width + x;
                    worst = Math.max(worst, Math.abs((yuyv[2 * i] & 0xff) - expected.luma[i]));
                    int chroma = x % 2 == 0 ? expected.chromaU[i] : expected.chromaV[i];
                    if (chroma >= 0) {
                        worst = Math.max(worst, Math.abs((yuyv[2 * i + 1] & 0xff) - chroma));
                    }
                }
            }
            return worst;
        }

        /** The share of a half-size grey picture's pixels further than {@code tolerance} from the detector's expected one. */
        double shareOff(byte[] given, int w, int h, int tolerance) {
            Mat small;
            if (jpeg != null) {
                small = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_REDUCED_GRAYSCALE_2);
            } else {
                Mat full = new Mat(height, width, CvType.CV_8UC1);
                byte[] bytes = new byte[width * height];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) grey[i];
                }
                full.put(0, 0, bytes);
                small = new Mat();
                Imgproc.resize(full, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
                full.release();
            }
            byte[] want = new byte[w * h];
            small.get(0, 0, want);
            small.release();
            int off = 0;
            for (int i = 0; i < want.length; i++) {
                off += Math.abs((want[i] & 0xff) - (given[i] & 0xff)) > tolerance ? 1 : 0;
            }
            return (double) off / want.length;
        }

        /** Inside each label: mostly the black background (Y 16), with some white text (Y above 200). */
        static boolean labelsLookRight(byte[] yuyv, int width, List<int[]> regions) {
            for (int[] label : regions.subList(Math.max(0, regions.size() - 2), regions.size())) {
                int black = 0;
                int white = 0;
                int all = 0;
                for (int row = label[1] + 2; row < label[1] + label[3] - 2; row++) {
                    for (int x = label[0] + 2; x < Math.min(width, label[0] + label[2] - 2); x++) {
                        int value = yuyv[2 * (row * width + x)] & 0xff;
                        black += value == 16 ? 1 : 0;
                        white += value > 200 ? 1 : 0;
                        all++;
                    }
                }
                if (all == 0 || black < all / 2 || white == 0) {
                    return false;
                }
            }
            return !regions.isEmpty();
        }
    }
}
