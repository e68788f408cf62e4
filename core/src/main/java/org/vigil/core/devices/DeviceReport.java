package org.vigil.core.devices;

import org.vigil.kernel.v4l2.BufferType;
import org.vigil.kernel.v4l2.Capability;
import org.vigil.kernel.v4l2.ControlInfo;
import org.vigil.kernel.v4l2.DeviceUsers;
import org.vigil.kernel.v4l2.FormatDescription;
import org.vigil.kernel.v4l2.FrameInterval;
import org.vigil.kernel.v4l2.FrameSize;
import org.vigil.kernel.v4l2.MenuItem;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.kernel.v4l2.VideoNode;
import org.vigil.kernel.v4l2.VideoNodes;
import org.vigil.vloop.PipeFinder;
import org.vigil.vloop.PipeStatus;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What `vigil devices` prints: every video node with its driver, card, bus and role; a capture node's formats with
 * their sizes and rates, and its controls; a loopback pipe's state and the processes holding it; and, when no pipe
 * exists, the modprobe line that makes one. Only enumerates: a camera another program streams from is left alone.
 */
public final class DeviceReport {
    private final PrintWriter out;

    public DeviceReport(PrintWriter out) {
        this.out = out;
    }

    public void print(List<VideoNode> nodes, PipeFinder pipes) {
        if (nodes.isEmpty()) {
            out.println("no video devices (/sys/class/video4linux is empty): plug in a camera, or load vivid "
                    + "(sudo modprobe vivid) to try vigil with a virtual one");
        }
        List<PipeStatus> survey = pipes.survey();
        for (VideoNode node : nodes) {
            printNode(node, survey);
        }
        if (survey.isEmpty()) {
            out.println("no v4l2loopback pipe for the annotated feed; " + pipes.advice());
        }
    }

    public void printAll() {
        print(VideoNodes.list(), PipeFinder.system());
    }

    private void printNode(VideoNode node, List<PipeStatus> pipes) {
        if (node.capability() == null) {
            out.println(node.device() + "  '" + node.name() + "'  cannot be opened: " + node.problem());
            out.println();
            return;
        }
        Capability capability = node.capability();
        String role = node.captures() && node.outputs() ? "capture and output" : node.captures() ? "capture"
                : node.outputs() ? "output" : "neither capture nor output";
        out.println(node.device() + "  " + capability.driver() + "  '" + capability.card() + "'  " + capability.busInfo()
                + "  " + role);
        if (node.isLoopback()) {
            pipes.stream().filter(pipe -> pipe.device().equals(node.device())).findFirst().ifPresent(pipe ->
                    out.println("  loopback pipe: " + pipe.state()));
            out.println("  held by: " + DeviceUsers.describe(DeviceUsers.of(node.device())));
        }
        if (node.captures()) {
            try (V4l2Device device = V4l2Device.open(node.device())) {
                printFormats(device);
                printControls(device);
            } catch (V4l2Exception e) {
                out.println("  " + e.getMessage());
            }
        }
        out.println();
    }

    private void printFormats(V4l2Device device) throws V4l2Exception {
        List<FormatDescription> formats = device.formats(BufferType.VIDEO_CAPTURE);
        if (formats.isEmpty()) {
            out.println("  formats: none listed");
        }
        for (FormatDescription format : formats) {
            out.println("  " + format.fourcc() + " (" + format.description() + ")");
            for (FrameSize size : device.frameSizes(format.pixelFormat())) {
                out.println("    " + size + rates(device, format.pixelFormat(), size));
            }
        }
    }

    private static String rates(V4l2Device device, int pixelFormat, FrameSize size) {
        try {
            List<FrameInterval> intervals = device.frameIntervals(pixelFormat, size.maxWidth(), size.maxHeight());
            if (intervals.isEmpty()) {
                return "";
            }
            return (size.isDiscrete() ? "" : " (at " + size.maxWidth() + "x" + size.maxHeight() + ")") + " at "
                    + intervals.stream().map(DeviceReport::rate).collect(Collectors.joining(", "));
        } catch (V4l2Exception e) {
            return "";
        }
    }

    private static String rate(FrameInterval interval) {
        if (interval.isDiscrete()) {
            return fps(interval.min().framesPerSecond()) + " fps";
        }
        return fps(interval.max().framesPerSecond()) + " to " + fps(interval.min().framesPerSecond()) + " fps";
    }

    private static String fps(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private void printControls(V4l2Device device) throws V4l2Exception {
        List<ControlInfo> controls = device.controls();
        if (controls.isEmpty()) {
            return;
        }
        out.println("  controls (set in a camera's controls: section by these names):");
        for (ControlInfo control : controls) {
            String value;
            try {
                value = control.fitsIn32Bits() ? Integer.toString(device.getControl(control)) : "-";
            } catch (V4l2Exception e) {
                value = "?";
            }
            StringBuilder line = new StringBuilder("    ").append(control.key()).append(" = ").append(value)
                    .append("  [").append(control.minimum()).append("..").append(control.maximum())
                    .append(", default ").append(control.defaultValue()).append(']');
            if (control.isReadOnly()) {
                line.append(" read-only");
            }
            if (control.isMenu()) {
                List<MenuItem> items = device.menu(control);
                line.append("  ").append(items.stream().map(item -> item.index() + ": " + item.name())
                        .collect(Collectors.joining(", ")));
            }
            out.println(line);
        }
    }
}
