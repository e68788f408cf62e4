package org.vigil.core.cli;

import org.vigil.core.config.ConfigLoader;
import org.vigil.core.config.VigilConfig;
import org.vigil.detectors.DetectorCatalog;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** {@code --database FILE}, or the database the config file names. */
final class DatabaseOption {
    @Option(names = "--database", paramLabel = "FILE", description = "The event database (default: the config's).")
    Path file;

    @Mixin
    ConfigFileOption config;

    /** The database file, or empty after one line to {@code err} saying why. */
    Optional<Path> resolve(String command, PrintWriter err) {
        String[] why = new String[1];
        Optional<Path> found = resolve(why);
        if (found.isEmpty()) {
            err.println(command + ": " + why[0]);
        }
        return found;
    }

    /** The database file, or empty with the reason in {@code why[0]}. */
    Optional<Path> resolve(String[] why) {
        if (file != null) {
            return Optional.of(file);
        }
        Optional<Path> configFile = config.resolve();
        if (configFile.isEmpty()) {
            why[0] = "no --database and " + ConfigFileOption.noneFound();
            return Optional.empty();
        }
        ConfigLoader.Result result = new ConfigLoader(DetectorCatalog.load()).check(configFile.get());
        Optional<VigilConfig> read = result.config();
        if (read.isEmpty()) {
            why[0] = configFile.get() + " has problems (vigil check-config shows them); pass --database FILE";
            return Optional.empty();
        }
        return Optional.of(read.get().database());
    }
}
