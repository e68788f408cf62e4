package org.vigil.vloop;

import org.vigil.kernel.v4l2.Capability;
import org.vigil.kernel.v4l2.FourCC;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One v4l2loopback node as a producer sees it.
 *
 * @param fixedFormat the format a producer has set ("YUYV:640x480@30"), or null while nobody holds the node
 */
public record PipeStatus(Path device, String label, Capability capability, String fixedFormat) {
    private static final Pattern FORMAT = Pattern.compile("(.{4}):(\\d+)x(\\d+)@.*");

    /** Nobody holds the node and it takes output: a producer may set any format. */
    public boolean isFree() {
        return fixedFormat == null && capability.canOutput();
    }

    /**
     * Whether a producer with these settings may attach: the node is free, or it still takes output and its format
     * is already the one wanted (vigil's own pipe after a restart while viewers kept it open).
     */
    public boolean accepts(PipeSettings settings) {
        return isFree() || capability.canOutput() && hasFormat(settings);
    }

    /** Whether the fixed format has the settings' pixel format and size. */
    public boolean hasFormat(PipeSettings settings) {
        if (fixedFormat == null) {
            return false;
        }
        Matcher m = FORMAT.matcher(fixedFormat);
        return m.matches() && m.group(1).equals(FourCC.name(settings.format().fourcc()))
                && Integer.parseInt(m.group(2)) == settings.width() && Integer.parseInt(m.group(3)) == settings.height();
    }

    /** "/dev/video10 'vigil-a': free", or why it is taken. */
    public String describe() {
        return device + " '" + label + "': " + state();
    }

    /** "free", "held by another producer (YUYV:640x480@30)", or why the node takes no output. */
    public String state() {
        if (isFree()) {
            return "free";
        }
        if (fixedFormat != null) {
            return "held by another producer (" + fixedFormat + (capability.canOutput() ? "" : ", exclusive_caps") + ")";
        }
        // exclusive_caps=1, no format and no output capability: v4l2loopback 0.12.7 after a producer that wrote
        // without STREAMON closed (upstream #470); only reloading the module gives the output back.
        return "offers no output capability (v4l2loopback 0.12.7 leaves an exclusive_caps node so after a producer "
                + "that never called STREAMON; reload the module to recover it)";
    }
}
