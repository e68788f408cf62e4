package org.vigil.core.cli;

import org.vigil.core.devices.DeviceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Lists the video devices as a camera section needs to know them. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Lists every V4L2 node: driver, card, bus, capture or output; each format with its sizes and "
                + "rates, and the controls; for loopback pipes whether they are free and which processes hold them; "
                + "when there is no pipe, the modprobe line that makes one.")
public final class DevicesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        new DeviceReport(spec.commandLine().getOut()).printAll();
        return Vigil.OK;
    }
}
