package org.vigil.core.pipeline;

import org.vigil.core.config.CameraConfig;
import org.vigil.core.config.PixelFormatChoice;
import org.vigil.kernel.v4l2.BufferType;
import org.vigil.kernel.v4l2.Fault;
import org.vigil.kernel.v4l2.FormatDescription;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.FrameInterval;
import org.vigil.kernel.v4l2.FrameSize;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.kernel.abi.V4l2Constants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Settles a camera's input, format, size and rate, then its controls. With pixel-format auto the first of
 * {@link PixelFormatChoice#AUTO_ORDER} that the device lists at the configured size and rate wins (GStreamer's
 * v4l2src likewise walks the device's caps in its preference order); a loopback camera streams whatever its producer
 * writes, which must be the configured size.
 */
final class FormatNegotiation {
    private FormatNegotiation() {
    }

    static NegotiatedFormat negotiate(V4l2Device device, CameraConfig config) throws V4l2Exception {
        if (config.input() >= 0) {
            device.setInput(config.input());
        }
        NegotiatedFormat negotiated = device.capability().isLoopback() ? producers(device, config) : choose(device, config);
        applyControls(device, config.controls());
        return negotiated;
    }

    /** A loopback's format is its producer's: check it against the config instead of setting one. */
    private static NegotiatedFormat producers(V4l2Device device, CameraConfig config) throws V4l2Exception {
        PixFormat format = device.format(BufferType.VIDEO_CAPTURE); // no producer: a transient CannotCaptureException
        String written = format.width() + "x" + format.height() + " " + PixelFormatChoice.name(format.pixelFormat());
        if (format.width() != config.width() || format.height() != config.height()) {
            throw new V4l2Exception(device.path(), "VIDIOC_G_FMT", 0, "the loopback's producer writes " + written
                    + ", but the camera section asks for " + config.size(), "set size: " + format.width() + "x"
                    + format.height() + " for this camera, or make the producer write " + config.size(), Fault.CONFIG);
        }
        if (!PixelFormatChoice.AUTO_ORDER.contains(format.pixelFormat())) {
            throw new V4l2Exception(device.path(), "VIDIOC_G_FMT", 0, "the loopback's producer writes " + written
                    + ", a format vigil does not read", "make it write one of " + PixelFormatChoice.names(), Fault.CONFIG);
        }
        if (!config.pixelFormat().isAuto() && config.pixelFormat().fourcc() != format.pixelFormat()) {
            throw new V4l2Exception(device.path(), "VIDIOC_G_FMT", 0, "the loopback's producer writes " + written
                    + ", but the camera section asks for " + config.pixelFormat(), "set pixel-format: auto (or "
                    + PixelFormatChoice.name(format.pixelFormat()) + ") for this camera", Fault.CONFIG);
        }
        Fraction interval = producerInterval(device, config);
        return new NegotiatedFormat(format, interval, "set by the loopback's producer");
    }

    /**
     * The configured rate when there is one: producers that write without S_PARM (ffmpeg, Motion) leave the node
     * announcing v4l2loopback's default of 30 fps whatever they write, so only the config knows the camera's rate.
     */
    private static Fraction producerInterval(V4l2Device device, CameraConfig config) {
        if (config.fps() > 0) {
            return Fraction.perSecond(config.fps());
        }
        try {
            Fraction interval = device.frameInterval(BufferType.VIDEO_CAPTURE);
            if (interval.numerator() > 0 && interval.denominator() > 0) {
                return interval;
            }
        } catch (V4l2Exception e) {
            // v4l2loopback answers G_PARM on capture only once a producer set a rate
        }
        return Fraction.perSecond(30);
    }

    private static NegotiatedFormat choose(V4l2Device device, CameraConfig config) throws V4l2Exception {
        List<FormatDescription> offered = device.formats(BufferType.VIDEO_CAPTURE);
        List<Integer> offeredCodes = offered.stream().map(FormatDescription::pixelFormat).toList();
        List<Integer> candidates = config.pixelFormat().isAuto() ? PixelFormatChoice.AUTO_ORDER
                : List.of(config.pixelFormat().fourcc());
        int width = config.width();
        int height = config.height();
        Integer withSize = null;
        Integer withRate = null;
        for (int fourcc : candidates) {
            if (!offeredCodes.contains(fourcc) || !offersSize(device, fourcc, width, height)) {
                continue;
            }
            if (withSize == null) {
                withSize = fourcc;
            }
            if (config.fps() == 0 || offersRate(device, fourcc, width, height, config.fps())) {
                withRate = fourcc;
                break;
            }
        }
        Integer chosen = withRate != null ? withRate : withSize;
        if (chosen == null) {
            throw new V4l2Exception(device.path(), "VIDIOC_ENUM_FRAMESIZES", 0, (config.pixelFormat().isAuto()
                    ? "none of the formats vigil reads (" + PixelFormatChoice.names() + ") is" : config.pixelFormat() + " is not")
                    + " offered at " + config.size(), "choose a size and format it offers: " + offers(device, offered)
                    + " (`vigil devices` lists them with their rates)", Fault.CONFIG);
        }
        PixFormat request = new PixFormat(width, height, chosen, V4l2Constants.FIELD_NONE, config.bytesPerLine(), 0, 0);
        PixFormat format = device.setFormat(BufferType.VIDEO_CAPTURE, request);
        Fraction interval = config.fps() > 0
                ? device.setFrameInterval(BufferType.VIDEO_CAPTURE, Fraction.perSecond(config.fps()))
                : device.frameInterval(BufferType.VIDEO_CAPTURE);
        String name = PixelFormatChoice.name(chosen);
        String why;
        if (!config.pixelFormat().isAuto()) {
            why = "as configured";
        } else {
            why = "auto: " + name + " is the first of " + PixelFormatChoice.names() + " the device offers at " + config.size()
                    + (withRate == null && config.fps() > 0 ? " (at no rate near " + config.fps() + " fps)" : "")
                    + "; it offers " + String.join(", ", offered.stream().map(FormatDescription::fourcc).toList());
        }
        return new NegotiatedFormat(format, interval, why);
    }

    private static boolean offersSize(V4l2Device device, int fourcc, int width, int height) throws V4l2Exception {
        List<FrameSize> sizes = device.frameSizes(fourcc);
        if (sizes.isEmpty()) {
            // the driver does not enumerate sizes: ask it what it would make of this one
            PixFormat tried = device.tryFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(width, height, fourcc));
            return tried.width() == width && tried.height() == height && tried.pixelFormat() == fourcc;
        }
        return sizes.stream().anyMatch(size -> size.contains(width, height));
    }

    private static boolean offersRate(V4l2Device device, int fourcc, int width, int height, int fps) throws V4l2Exception {
        List<FrameInterval> intervals = device.frameIntervals(fourcc, width, height);
        if (intervals.isEmpty()) {
            return true; // not enumerated: S_PARM will say what it takes
        }
        for (FrameInterval interval : intervals) {
            double fastest = interval.min().framesPerSecond();
            double slowest = interval.max().framesPerSecond();
            if (interval.isDiscrete() ? Math.abs(fastest - fps) < 0.5 : fps <= fastest + 0.5 && fps >= slowest - 0.5) {
                return true;
            }
        }
        return false;
    }

    private static String offers(V4l2Device device, List<FormatDescription> offered) {
        List<String> lines = new ArrayList<>();
        for (FormatDescription format : offered) {
            if (!PixelFormatChoice.AUTO_ORDER.contains(format.pixelFormat())) {
                continue;
            }
            try {
                lines.add(PixelFormatChoice.name(format.pixelFormat()) + " " + device.frameSizes(format.pixelFormat())
                        .stream().map(FrameSize::toString).collect(Collectors.joining(", ")));
            } catch (V4l2Exception e) {
                lines.add(format.fourcc());
            }
        }
        return lines.isEmpty() ? "none (it offers " + String.join(", ", offered.stream().map(FormatDescription::fourcc).toList())
                + ")" : String.join("; ", lines);
    }

    /** Sets each control in file order; a name the device lacks or a value out of range is a config error. */
    private static void applyControls(V4l2Device device, Map<String, Integer> controls) throws V4l2Exception {
        for (Map.Entry<String, Integer> control : controls.entrySet()) {
            try {
                device.setControl(control.getKey(), control.getValue());
            } catch (V4l2Exception e) {
                if (e.fault() == Fault.CONFIG) {
                    throw new V4l2Exception(e.device(), e.call(), e.errno(), "controls." + control.getKey() + ": "
                            + e.getMessage().substring(e.device().length() + 2), null, Fault.CONFIG);
                }
                throw e;
            }
        }
    }
}
