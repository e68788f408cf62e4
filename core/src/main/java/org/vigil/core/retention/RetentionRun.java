package org.vigil.core.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.record.DiskSpace;
import org.vigil.core.store.RetentionRows;
import org.vigil.core.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of retention: the files the database may lose, the plan for them, and (unless it is a dry run) each file
 * deleted and then its row marked, so a row never says deleted of a file still there. A file already gone from the
 * disk is marked too; one that cannot be deleted stays, with one line saying why.
 */
public final class RetentionRun {
    private static final Logger log = LoggerFactory.getLogger(RetentionRun.class);

    /** Marks a deleted file's row: the daemon's store, or the CLI's own connection. */
    public interface Marker {
        void deleted(List<Deletion> deletions, Instant at) throws StoreException;
    }

    /** What a run did (or, dry, would do). */
    public record Result(List<Deletion> deletions, long bytesFreed, List<String> failures) {
    }

    private RetentionRun() {
    }

    public static Result run(Path database, Path targetDir, RetentionPolicy policy, boolean dryRun, Marker marker)
            throws StoreException {
        Instant now = Instant.now();
        List<StoredFile> files = new ArrayList<>();
        for (RetentionRows.Row row : RetentionRows.deletable(database)) {
            String camera = row.camera() != null ? row.camera() : cameraOf(row.path(), targetDir);
            long bytes = row.bytes() > 0 ? row.bytes() : sizeOnDisk(row.path());
            files.add(new StoredFile(row.id(), camera, row.path(), bytes, row.created(), row.keep()));
        }
        List<Deletion> plan = RetentionPlan.plan(files, policy, now, DiskSpace.freeBytes(targetDir));
        if (dryRun) {
            return new Result(plan, plan.stream().mapToLong(d -> d.file().bytes()).sum(), List.of());
        }
        List<Deletion> done = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long freed = 0;
        for (Deletion deletion : plan) {
            try {
                Files.deleteIfExists(deletion.file().path());
                done.add(deletion);
                freed += deletion.file().bytes();
            } catch (IOException e) {
                failures.add(deletion.file().path() + ": " + e);
            }
        }
        if (!done.isEmpty()) {
            marker.deleted(done, Instant.now());
            log.info("retention: deleted {} file{} ({}): {}", done.size(), done.size() == 1 ? "" : "s",
                    Sizes.format(freed), summary(done));
        }
        failures.forEach(failure -> log.warn("retention: cannot delete {}; it stays", failure));
        return new Result(done, freed, failures);
    }

    private static String summary(List<Deletion> deletions) {
        java.util.Map<String, Integer> byReason = new java.util.TreeMap<>();
        deletions.forEach(d -> byReason.merge(d.reason(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, count) -> parts.add(count + " for " + reason));
        return String.join(", ", parts);
    }

    /** target-dir/CAMERA/DAY/FILE names the camera of a file that belongs to no event or recording. */
    private static String cameraOf(Path file, Path targetDir) {
        try {
            Path relative = targetDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
            return relative.getNameCount() > 1 && !relative.startsWith("..") ? relative.getName(0).toString() : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static long sizeOnDisk(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
