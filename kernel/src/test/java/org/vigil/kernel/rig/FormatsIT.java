package org.vigil.kernel.rig;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.testing.ExternalCommand;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.BufferType;
import org.vigil.kernel.v4l2.FormatDescription;
import org.vigil.kernel.v4l2.FormatRejectedException;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.FrameInterval;
import org.vigil.kernel.v4l2.FrameSize;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ENUM_FMT, ENUM_FRAMESIZES and ENUM_FRAMEINTERVALS through the binding against what v4l2-ctl prints for the same node. */
class FormatsIT {
    private static final Pattern FORMAT = Pattern.compile("^\\s*\\[\\d+]: '(.{4}(?:-BE)?)'");
    private static final Pattern DISCRETE_SIZE = Pattern.compile("^\\s*Size: Discrete (\\d+x\\d+)");
    private static final Pattern RANGE_SIZE = Pattern.compile(
            "^\\s*Size: (?:Stepwise|Continuous) (\\d+)x(\\d+) - (\\d+)x(\\d+) with step (\\d+)/(\\d+)");
    private static final Pattern INTERVAL = Pattern.compile("^\\s*Interval: Discrete [0-9.]+s \\(([0-9.]+) fps\\)");

    private final Path node = RigNodes.vividCapture();

    @Test
    void enumerationMatchesV4l2CtlListFormatsExt() throws Exception {
        List<String> fromV4l2Ctl = parseV4l2Ctl(
                ExternalCommand.run(List.of("v4l2-ctl", "-d", node.toString(), "--list-formats-ext")));
        List<String> fromBinding = new ArrayList<>();
        try (V4l2Device device = V4l2Device.open(node)) {
            for (FormatDescription format : device.formats(BufferType.VIDEO_CAPTURE)) {
                fromBinding.add("format " + format.fourcc());
                for (FrameSize size : device.frameSizes(format.pixelFormat())) {
                    fromBinding.add("size " + size);
                    if (size.isDiscrete()) {
                        for (FrameInterval interval : device.frameIntervals(format.pixelFormat(), size.minWidth(),
                                size.minHeight())) {
                            fromBinding.add("interval " + String.format(Locale.ROOT, "%.3f", interval.min().framesPerSecond()));
                        }
                    }
                }
            }
        }
        assertTrue(fromV4l2Ctl.size() > 50, "v4l2-ctl listed too little to compare: " + fromV4l2Ctl);
        assertEquals(fromV4l2Ctl, fromBinding);
    }

    @Test
    void setFormatKeepsAnOfferedSizeAndTryFormatChangesNothing() throws Exception {
        try (V4l2Device device = V4l2Device.open(node)) {
            PixFormat set = device.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(1280, 720, FourCC.YUYV));
            assertEquals(1280 * 2, set.bytesPerLine());
            PixFormat tried = device.tryFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(320, 180, FourCC.YUYV));
            assertEquals(320, tried.width());
            assertEquals(set, device.format(BufferType.VIDEO_CAPTURE), "TRY_FMT must not change the format");
        }
    }

    @Test
    void aRefusedSizeReportsWhatTheDriverOffered() throws Exception {
        try (V4l2Device device = V4l2Device.open(node)) {
            FormatRejectedException e = assertThrows(FormatRejectedException.class,
                    () -> device.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(641, 479, FourCC.YUYV)));
            assertNotNull(e.offered());
            assertTrue(e.getMessage().contains("format 641x479 YUYV not supported, the driver offered "), e.getMessage());
            assertTrue(e.getMessage().contains("YUYV: 320x180, 640x360, 640x480, 1280x720, 1920x1080"), e.getMessage());
        }
    }

    @Test
    void anUnknownPixelFormatIsRefusedWithTheList() throws Exception {
        try (V4l2Device device = V4l2Device.open(node)) {
            FormatRejectedException e = assertThrows(FormatRejectedException.class,
                    () -> device.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(640, 360, FourCC.of("ZZZZ"))));
            assertTrue(e.supported().stream().anyMatch(line -> line.startsWith("YUYV:")), e.supported().toString());
        }
    }

    @Test
    void frameRateRoundTripsThroughSParmAndGParm() throws Exception {
        try (V4l2Device device = V4l2Device.open(node)) {
            device.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(640, 360, FourCC.YUYV));
            assertEquals(new Fraction(1, 25), device.setFrameInterval(BufferType.VIDEO_CAPTURE, new Fraction(1, 25)));
            assertEquals(new Fraction(1, 25), device.frameInterval(BufferType.VIDEO_CAPTURE));
            assertEquals(new Fraction(1, 10), device.setFrameInterval(BufferType.VIDEO_CAPTURE, new Fraction(1, 10)));
            assertEquals(10.0, device.frameInterval(BufferType.VIDEO_CAPTURE).framesPerSecond(), 1e-9);
        }
    }

    /** Flattens v4l2-ctl's listing into the same lines the test builds from the binding. */
    private static List<String> parseV4l2Ctl(String listing) {
        List<String> lines = new ArrayList<>();
        for (String line : listing.split("\n")) {
            Matcher m;
            if ((m = FORMAT.matcher(line)).find()) {
                lines.add("format " + m.group(1));
            } else if ((m = DISCRETE_SIZE.matcher(line)).find()) {
                lines.add("size " + m.group(1));
            } else if ((m = RANGE_SIZE.matcher(line)).find()) {
                lines.add("size " + m.group(1) + "x" + m.group(2) + " - " + m.group(3) + "x" + m.group(4)
                        + " step " + m.group(5) + "/" + m.group(6));
            } else if ((m = INTERVAL.matcher(line)).find()) {
                lines.add("interval " + m.group(1));
            }
        }
        return lines;
    }
}
