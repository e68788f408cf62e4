package org.vigil.core.cli;

import org.vigil.vloop.cli.PushToPipe;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The {@code vigil} command: the daemon and its tools. Exit status: 0 done, 1 a failure while running (a device, a
 * file, the rig), 2 wrong usage or a configuration with problems.
 */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A motion-detecting surveillance daemon for V4L2 cameras, with annotated feeds in v4l2loopback pipes.",
        subcommands = {RunCommand.class, DevicesCommand.class, CheckConfigCommand.class, DetectorsCommand.class,
                EventsCommand.class, ScheduleCommand.class, RetentionCommand.class,
                PushToPipe.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Vigil implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line and returns its exit status; output goes to the given streams (tests pass their own). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new Vigil());
        return line.setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((e, failed, parsed) -> {
                    failed.getErr().println(failed.getCommandName() + ": " + e.getMessage());
                    return FAILED;
                });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: vigil run, vigil devices, "
                + "vigil check-config, vigil detectors, vigil events, vigil schedule, vigil retention, vigil push-to-pipe "
                + "or vigil demo (vigil --help tells more)");
    }
}
