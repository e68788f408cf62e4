package org.vigil.core.cli;

import org.vigil.core.demo.DemoRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Shows vigil at work on a machine without a camera, in the project's real-kernel rig. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Shows vigil working on a machine without a camera: boots the project's real-kernel rig (QEMU with "
                + "Debian's kernel, vivid and v4l2loopback), plays opencv-doc's vtest.avi into a loopback camera, runs "
                + "the daemon with vivid as a second camera, and records both annotated feeds as MP4 (H.264). Needs root "
                + "on Debian (the rig installs its packages) and vigil's source tree, which holds the rig.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "30",
            description = "How long to record each annotated feed (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "vigil-demo",
            description = "Where the MP4s, the config and the logs go (default: ./${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--source", paramLabel = "DIR",
            description = "vigil's source tree (default: found from where vigil runs, or the current directory).")
    private Path source;

    @Override
    public Integer call() throws Exception {
        if (seconds < 5 || seconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--seconds wants 5 to 3600, not " + seconds);
        }
        Optional<Path> checkout = source != null ? Optional.of(source).filter(DemoCommand::isCheckout) : findCheckout();
        if (checkout.isEmpty()) {
            spec.commandLine().getErr().println("demo: vigil's source tree (with kernel/rig/run) was not found"
                    + (source != null ? " at " + source : " above " + here() + " or the current directory")
                    + "; run the demo from the checkout, or pass --source DIR");
            return Vigil.USAGE;
        }
        boolean ok = new DemoRun(checkout.get(), out.toAbsolutePath().normalize(), seconds, launcher(),
                spec.commandLine().getOut()).run();
        return ok ? Vigil.OK : Vigil.FAILED;
    }

    /** bin/vigil of the distribution this runs from, or java with this JVM's class path. */
    private static String launcher() {
        String home = System.getProperty("vigil.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "vigil"))) {
            return Path.of(home, "bin", "vigil").toString();
        }
        return Path.of(System.getProperty("java.home"), "bin", "java") + " -cp '"
                + System.getProperty("java.class.path") + "' org.vigil.core.cli.Vigil";
    }

    private static Optional<Path> findCheckout() {
        for (Path start : new Path[] {here(), Path.of("").toAbsolutePath()}) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (isCheckout(dir)) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isCheckout(Path dir) {
        return Files.isExecutable(dir.resolve("kernel/rig/run")) && Files.isRegularFile(dir.resolve("pom.xml"));
    }

    /** Where vigil's code runs from: its jar's directory, or its classes directory. */
    private static Path here() {
        try {
            return Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (Exception e) {
            return Path.of(System.getProperty("user.dir"));
        }
    }
}
