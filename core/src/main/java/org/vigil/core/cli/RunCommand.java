package org.vigil.core.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.config.CameraConfig;
import org.vigil.core.config.ConfigLoader;
import org.vigil.core.config.ConfigProblem;
import org.vigil.core.config.VigilConfig;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.store.StoreException;
import org.vigil.core.lifecycle.Signals;
import org.vigil.detectors.DetectorCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The daemon: reads the config, starts every camera, and runs until SIGTERM or SIGINT; SIGHUP reloads the config. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the daemon: every camera of the config file captures, detects motion and feeds its "
                + "annotated pipe. SIGHUP reloads the file (kept running unchanged if it has a problem); SIGTERM or "
                + "SIGINT stop it (exit 0). A config with problems is refused before anything is opened (exit 2).")
public final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(15);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption config;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> file = config.resolve();
        if (file.isEmpty()) {
            err.println("run: " + ConfigFileOption.noneFound());
            return Vigil.USAGE;
        }
        DetectorCatalog detectors = DetectorCatalog.load();
        ConfigLoader.Result result = new ConfigLoader(detectors).check(file.get());
        if (result.config().isEmpty()) {
            for (ConfigProblem problem : result.problems()) {
                err.println(problem);
            }
            err.println("run: " + file.get() + " has " + result.problems().size() + " problem"
                    + (result.problems().size() == 1 ? "" : "s") + "; nothing was started");
            return Vigil.USAGE;
        }
        VigilConfig first = result.config().get();
        Signals signals = Signals.install();
        log.info("vigil {} starting: {} with {} camera{}", new VersionProvider().getVersion()[0].substring(6), file.get(),
                first.cameras().size(), first.cameras().size() == 1 ? "" : "s");
        result.notes().forEach(note -> log.info("note: {}", note));
        for (CameraConfig camera : first.cameras().values()) {
            log.info("  {}", CameraSummary.of(camera));
        }
        Daemon daemon = Daemon.create(detectors, null);
        try {
            daemon.start(first);
        } catch (StoreException e) {
            log.error("cannot start: {}", e.getMessage());
            return Vigil.FAILED;
        }
        while (true) {
            Signals.Request request = signals.next();
            if (request == Signals.Request.RELOAD) {
                log.info("SIGHUP: reloading {}", first.file());
                daemon.reload();
            } else {
                log.info("stopping");
                long started = System.nanoTime();
                daemon.stop(STOP_DEADLINE);
                log.info("stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
                return Vigil.OK;
            }
        }
    }
}
