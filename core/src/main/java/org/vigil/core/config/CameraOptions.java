package org.vigil.core.config;

import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.IoMode;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.options.TextType;

/**
 * The single-valued keys of a camera section (each may also stand at the top level as every camera's default). The
 * keys with sections of their own (device, controls, detector, zones, loopback, annotation) are read by
 * {@link ConfigLoader}; their documentation is here too, so the reference lists them in one place.
 */
public final class CameraOptions {
    public static final OptionSpec<Resolution> SIZE = OptionSpec.of("size",
            TextType.of(Resolution.class, Resolution::parse, Resolution::toString, "WIDTHxHEIGHT"),
            new Resolution(640, 480), "Frame size to capture; the device must offer it.");
    public static final OptionSpec<Long> FPS = OptionSpec.integer("fps", 15, 0, 240,
            "Frames per second to ask the device for (VIDIOC_S_PARM); 0 keeps the rate the device has.");
    public static final OptionSpec<PixelFormatChoice> PIXEL_FORMAT = OptionSpec.of("pixel-format",
            TextType.of(PixelFormatChoice.class, PixelFormatChoice::parse, PixelFormatChoice::toString,
                    "auto | " + String.join(" | ", PixelFormatChoice.AUTO_ORDER.stream().map(PixelFormatChoice::name).toList())),
            PixelFormatChoice.AUTO, "Pixel format to capture in; auto takes the first of "
                    + PixelFormatChoice.names() + " that the device offers at the size and rate, the cheapest to read first.");
    public static final OptionSpec<IoMode> IO = OptionSpec.choice("io", IoMode.class, IoMode.AUTO,
            "How frames arrive: mmap streaming (zero copy), read() (one copy, for devices that offer nothing else), "
                    + "or auto, streaming when the device can.");
    public static final OptionSpec<Long> BUFFERS = OptionSpec.integer("buffers", CaptureSettings.DEFAULT_BUFFERS, 2,
            CaptureSettings.MAX_BUFFERS, "Driver buffers to stream with; more ride out longer hiccups at the cost of "
                    + "memory. A loopback camera is always asked for all it has (fewer would shrink its ring for every "
                    + "viewer).");
    public static final OptionSpec<Long> BYTES_PER_LINE = OptionSpec.integer("bytes-per-line", 0, 0, 1 << 16,
            "Row length in bytes to ask the driver for; 0 lets it choose (some hardware wants aligned rows).");
    public static final OptionSpec<Long> INPUT = OptionSpec.integer("input", -1, -1, 255,
            "Video input to select on a device with several (VIDIOC_S_INPUT, as v4l2-ctl -i); -1 leaves the current one.");
    public static final OptionSpec<Double> FRAME_TIMEOUT = OptionSpec.decimal("frame-timeout", 5, 0.5, 600,
            "Seconds without a frame after which the camera counts as lost and is reopened.");
    public static final OptionSpec<Double> DETECTION_FPS = OptionSpec.decimal("detection-fps", 5, 0, 240,
            "Frames per second given to the motion detector; 0 gives it every frame. A detector slower than this "
                    + "lowers the rate and never delays capture.");
    public static final OptionSpec<MaskFile> DETECTION_MASK = OptionSpec.of("detection-mask", maskType(),
            MaskFile.NONE, "PGM picture of where to look for motion (white) and where not (black), at the frame's "
                    + "aspect ratio; none watches the whole frame.");
    public static final OptionSpec<MaskFile> PRIVACY_MASK = OptionSpec.of("privacy-mask", maskType(), MaskFile.NONE,
            "PGM picture whose black part is blanked before detection and in every picture vigil puts out.");

    public static final OptionTable TABLE = OptionTable.of(SIZE, FPS, PIXEL_FORMAT, IO, BUFFERS, BYTES_PER_LINE, INPUT,
            FRAME_TIMEOUT, DETECTION_FPS, DETECTION_MASK, PRIVACY_MASK);

    /** The keys with a section of their own, with their documentation for the reference. */
    public static final String DEVICE = "device";
    public static final String CONTROLS = "controls";
    public static final String DETECTOR = "detector";
    public static final String ZONES = "zones";
    /** Read apart, as a list of schedules (ScheduleOptions); a camera's own, never a default for all. */
    public static final String SCHEDULES = "schedules";
    public static final String LOOPBACK = "loopback";
    public static final String ANNOTATION = "annotation";
    public static final String EVENTS = "events";

    private CameraOptions() {
    }

    private static TextType<MaskFile> maskType() {
        return TextType.of(MaskFile.class, MaskFile::parse, MaskFile::toString, "none | FILE.pgm");
    }
}
