package org.vigil.core.cli;

import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.DetectorProvider;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** Lists the detectors found through the SPI, each with its option table. */
@Command(name = "detectors", mixinStandardHelpOptions = true,
        description = "Lists the motion detectors on the class path (java.util.ServiceLoader) with their options: "
                + "name, accepted values, default and meaning, as a camera's detector: section takes them.")
public final class DetectorsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Only this detector.")
    private String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DetectorCatalog catalog = DetectorCatalog.load();
        List<DetectorProvider> providers = catalog.providers();
        if (name != null) {
            List<String> names = providers.stream().map(DetectorProvider::name).toList();
            if (!names.contains(name)) {
                spec.commandLine().getErr().println("detectors: " + OptionTable.unknownProblem("detector", name, names));
                return Vigil.USAGE;
            }
            providers = List.of(catalog.provider(name));
        }
        for (DetectorProvider provider : providers) {
            out.println(provider.name() + ": " + provider.description());
            printTable(out, provider.options());
            out.println();
        }
        return Vigil.OK;
    }

    static void printTable(PrintWriter out, OptionTable table) {
        int width = table.specs().stream().mapToInt(spec -> spec.name().length()).max().orElse(0);
        for (OptionSpec<?> spec : table.specs()) {
            out.printf("  %-" + width + "s  %s, default %s%n", spec.name(), spec.values(), spec.formatDefault());
            out.printf("  %-" + width + "s  %s%n", "", spec.doc());
        }
    }
}
