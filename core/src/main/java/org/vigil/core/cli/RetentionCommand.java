package org.vigil.core.cli;

import org.vigil.core.config.VigilConfig;
import org.vigil.core.retention.Deletion;
import org.vigil.core.retention.RetentionRun;
import org.vigil.core.retention.Sizes;
import org.vigil.core.store.RetentionRows;
import org.vigil.core.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code vigil retention [--dry-run]}: what the config's budgets delete, now. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Applies the config's retention (max-age, max-bytes, min-free) now, oldest first, kept events' "
                + "files last; with --dry-run, prints what would go and how much it frees, and deletes nothing. The "
                + "daemon does the same every retention.interval.")
public final class RetentionCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption config;

    @Option(names = "--dry-run", description = "Print what would be deleted; delete nothing.")
    private boolean dryRun;

    @Override
    public Integer call() throws StoreException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<VigilConfig> loaded = config.load("retention", err);
        if (loaded.isEmpty()) {
            return Vigil.USAGE;
        }
        VigilConfig vigil = loaded.get();
        RetentionRun.Result run = RetentionRun.run(vigil.database(), vigil.targetDir(), vigil.retention(), dryRun,
                (deletions, at) -> RetentionRows.markDeleted(vigil.database(),
                        deletions.stream().map(d -> d.file().id()).toList(),
                        deletions.stream().map(Deletion::reason).toList(), at));
        ZoneId zone = ZoneId.systemDefault();
        for (Deletion deletion : run.deletions()) {
            out.println(String.format("%s %-9s %-10s %-22s %s", dryRun ? "would delete" : "deleted",
                    Sizes.format(deletion.file().bytes()), deletion.file().camera(), deletion.reason(),
                    deletion.file().created().atZone(zone).format(WHEN) + " " + deletion.file().path()));
        }
        if (run.deletions().isEmpty()) {
            out.println("nothing to delete: every file is within the budgets");
        } else {
            out.println((dryRun ? "would free " : "freed ") + Sizes.format(run.bytesFreed()) + " in "
                    + run.deletions().size() + " file" + (run.deletions().size() == 1 ? "" : "s")
                    + (dryRun ? " (dry run: nothing deleted)" : ""));
        }
        run.failures().forEach(failure -> err.println("retention: cannot delete " + failure));
        return run.failures().isEmpty() ? Vigil.OK : Vigil.FAILED;
    }
}
