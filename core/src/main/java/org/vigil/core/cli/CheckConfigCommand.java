package org.vigil.core.cli;

import org.vigil.core.config.CameraConfig;
import org.vigil.core.config.ConfigLoader;
import org.vigil.core.config.ConfigProblem;
import org.vigil.detectors.DetectorCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Reads and checks a config file, opening nothing: every problem on a line of its own, exit 2 if there is any. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Checks a config file without opening any device: prints every problem (FILE:LINE:COLUMN: KEY: "
                + "what is wrong) and exits 2, or prints the cameras it describes and exits 0.")
public final class CheckConfigCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> file = config.resolve();
        if (file.isEmpty()) {
            err.println("check-config: " + ConfigFileOption.noneFound());
            return Vigil.USAGE;
        }
        ConfigLoader.Result result = new ConfigLoader(DetectorCatalog.load()).check(file.get());
        result.notes().forEach(note -> out.println("note: " + note));
        if (result.config().isEmpty()) {
            result.problems().forEach(err::println);
            err.println(file.get() + ": " + result.problems().size() + " problem" + (result.problems().size() == 1 ? "" : "s")
                    + "; nothing was opened or written");
            return Vigil.USAGE;
        }
        out.println(file.get() + ": OK, " + result.config().get().cameras().size() + " camera"
                + (result.config().get().cameras().size() == 1 ? "" : "s"));
        for (CameraConfig camera : result.config().get().cameras().values()) {
            out.println("  " + CameraSummary.of(camera));
        }
        return Vigil.OK;
    }
}
