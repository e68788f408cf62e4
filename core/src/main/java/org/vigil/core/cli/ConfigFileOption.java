package org.vigil.core.cli;

import org.vigil.core.config.ConfigLoader;
import org.vigil.core.config.VigilConfig;
import org.vigil.detectors.DetectorCatalog;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code -c FILE}: the config file, by default /etc/vigil/vigil.yml, else ./conf/vigil.yml. */
final class ConfigFileOption {
    static final Path SYSTEM = Path.of("/etc/vigil/vigil.yml");
    static final Path LOCAL = Path.of("conf/vigil.yml");

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The config file (default: " + "/etc/vigil/vigil.yml if it exists, else ./conf/vigil.yml).")
    Path file;

    /** The file to read, or empty when none was given and neither default exists. */
    Optional<Path> resolve() {
        if (file != null) {
            return Optional.of(file);
        }
        if (Files.exists(SYSTEM)) {
            return Optional.of(SYSTEM);
        }
        if (Files.exists(LOCAL)) {
            return Optional.of(LOCAL);
        }
        return Optional.empty();
    }

    /**
     * The checked config, or empty after one line to {@code err} saying why (no file, or a file with problems, which
     * check-config lists).
     */
    Optional<VigilConfig> load(String command, PrintWriter err) {
        Optional<Path> found = resolve();
        if (found.isEmpty()) {
            err.println(command + ": " + noneFound());
            return Optional.empty();
        }
        ConfigLoader.Result result = new ConfigLoader(DetectorCatalog.load()).check(found.get());
        if (result.config().isEmpty()) {
            err.println(command + ": " + found.get() + " has problems (vigil check-config -c " + found.get()
                    + " shows them)");
        }
        return result.config();
    }

    static String noneFound() {
        return "no config file: neither " + SYSTEM + " nor ./" + LOCAL + " exists; pass -c FILE (conf/vigil.yml in "
                + "vigil's distribution is the documented default)";
    }
}
