package org.vigil.kernel.rig;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.testing.ExternalCommand;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.ControlInfo;
import org.vigil.kernel.v4l2.MenuItem;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.kernel.v4l2.V4l2Exception;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Controls through the binding, cross-checked with v4l2-ctl on the same vivid node. */
class ControlsIT {
    private static final Pattern CONTROL = Pattern.compile("^\\s*(\\S+) (0x[0-9a-f]{8}) \\((\\w+)\\)");
    /** v4l2-ctl also lists compound and array controls, which VIDIOC_QUERYCTRL leaves out by design. */
    private static final Set<String> SCALAR_TYPES = Set.of("int", "bool", "menu", "button", "int64", "str", "bitmask",
            "intmenu");

    private final Path node = RigNodes.vividCapture();

    @Test
    void controlListMatchesV4l2Ctl() throws Exception {
        List<String> fromV4l2Ctl = new ArrayList<>();
        for (String line : ExternalCommand.run(List.of("v4l2-ctl", "-d", node.toString(), "--list-ctrls")).split("\n")) {
            Matcher m = CONTROL.matcher(line);
            if (m.find() && SCALAR_TYPES.contains(m.group(3)) && !line.contains("dims=")) {
                fromV4l2Ctl.add(m.group(1) + " " + m.group(2));
            }
        }
        try (V4l2Device device = V4l2Device.open(node)) {
            List<String> fromBinding = device.controls().stream()
                    .map(c -> c.key() + String.format(" 0x%08x", c.id())).toList();
            assertTrue(fromV4l2Ctl.size() > 20, fromV4l2Ctl.toString());
            assertEquals(fromV4l2Ctl, fromBinding);
        }
    }

    @Test
    void setThenReadBackThroughBothTheBindingAndV4l2Ctl() throws Exception {
        try (V4l2Device device = V4l2Device.open(node)) {
            ControlInfo brightness = device.requireControl("brightness");
            assertEquals(0, brightness.minimum());
            assertEquals(255, brightness.maximum());
            assertEquals(200, device.setControl("Brightness", 200));
            assertEquals(200, device.getControl("brightness"));
            assertEquals("brightness: 200", v4l2CtlGet("brightness"));

            ExternalCommand.run(List.of("v4l2-ctl", "-d", node.toString(), "--set-ctrl=brightness=77"));
            assertEquals(77, device.getControl(brightness));
            device.setControl(brightness, brightness.defaultValue());
        }
    }

    @Test
    void menuControlsListTheirChoices() throws Exception {
        try (V4l2Device device = V4l2Device.open(node)) {
            List<MenuItem> patterns = device.menu(device.requireControl("test_pattern"));
            assertEquals("75% Colorbar", patterns.get(0).name());
            assertEquals("Noise", patterns.get(patterns.size() - 1).name());
            List<MenuItem> sparse = device.menu(device.requireControl("menu"));
            assertEquals(List.of(1, 3, 4), sparse.stream().map(MenuItem::index).toList(), "holes in the menu are skipped");
            List<MenuItem> integers = device.menu(device.requireControl("integer_menu"));
            assertEquals(42L, integers.get(integers.size() - 1).value());
        }
    }

    @Test
    void badControlRequestsGiveClearErrors() throws Exception {
        try (V4l2Device device = V4l2Device.open(node)) {
            V4l2Exception range = assertThrows(V4l2Exception.class, () -> device.setControl("brightness", 300));
            assertTrue(range.getMessage().contains("value 300 is outside control 'brightness' range 0..255"), range.getMessage());
            V4l2Exception unknown = assertThrows(V4l2Exception.class, () -> device.setControl("sharpness", 3));
            assertTrue(unknown.getMessage().contains("no control named 'sharpness'")
                    && unknown.getMessage().contains("brightness"), unknown.getMessage());
            V4l2Exception readOnly = assertThrows(V4l2Exception.class,
                    () -> device.setControl("read_only_integer_32_bits", 1));
            assertTrue(readOnly.getMessage().contains("is read-only"), readOnly.getMessage());
            V4l2Exception wide = assertThrows(V4l2Exception.class, () -> device.getControl("integer_64_bits"));
            assertTrue(wide.getMessage().contains("cannot carry"), wide.getMessage());
        }
    }

    private String v4l2CtlGet(String name) throws Exception {
        return ExternalCommand.run(List.of("v4l2-ctl", "-d", node.toString(), "--get-ctrl=" + name)).strip();
    }
}
