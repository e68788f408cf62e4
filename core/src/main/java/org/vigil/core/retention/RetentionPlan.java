package org.vigil.core.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which files go, worked out on data alone: first every file past its camera's or the global maximum age (never one
 * of an event marked keep); then, oldest first, files of a camera over its bytes, of all cameras over the global
 * bytes, and of anyone while the file system has less free than the minimum, taking files of kept events only when
 * nothing else is left to take.
 */
public final class RetentionPlan {
    private RetentionPlan() {
    }

    /**
     * @param files     the deletable files (finished, not open)
     * @param freeBytes what the file system has free now
     */
    public static List<Deletion> plan(List<StoredFile> files, RetentionPolicy policy, Instant now, long freeBytes) {
        List<StoredFile> byAge = new ArrayList<>(files);
        // oldest first, and a kept event's files after everyone else's
        byAge.sort(Comparator.comparing(StoredFile::keep).thenComparing(StoredFile::created).thenComparing(StoredFile::id));
        Set<StoredFile> going = new LinkedHashSet<>();
        Map<StoredFile, String> reasons = new HashMap<>();
        for (StoredFile file : byAge) {
            if (file.keep()) {
                continue;
            }
            Budget camera = policy.camera(file.camera());
            if (camera.limitsAge() && file.created().isBefore(now.minus(camera.maxAge()))) {
                take(file, "max-age of " + file.camera(), going, reasons);
            } else if (policy.global().limitsAge() && file.created().isBefore(now.minus(policy.global().maxAge()))) {
                take(file, "max-age", going, reasons);
            }
        }
        Map<String, Long> cameraBytes = new HashMap<>();
        long total = 0;
        for (StoredFile file : byAge) {
            if (!going.contains(file)) {
                cameraBytes.merge(file.camera(), file.bytes(), Long::sum);
                total += file.bytes();
            }
        }
        for (StoredFile file : byAge) {
            Budget camera = policy.camera(file.camera());
            if (!going.contains(file) && camera.limitsBytes() && cameraBytes.get(file.camera()) > camera.maxBytes()) {
                take(file, "max-bytes of " + file.camera(), going, reasons);
                cameraBytes.merge(file.camera(), -file.bytes(), Long::sum);
                total -= file.bytes();
            }
        }
        for (StoredFile file : byAge) {
            if (!going.contains(file) && policy.global().limitsBytes() && total > policy.global().maxBytes()) {
                take(file, "max-bytes", going, reasons);
                total -= file.bytes();
            }
        }
        long free = freeBytes + going.stream().mapToLong(StoredFile::bytes).sum();
        for (StoredFile file : byAge) {
            if (!going.contains(file) && policy.minFree() > 0 && free < policy.minFree()) {
                take(file, "min-free", going, reasons);
                free += file.bytes();
            }
        }
        List<Deletion> deletions = new ArrayList<>();
        going.forEach(file -> deletions.add(new Deletion(file, reasons.get(file))));
        return deletions;
    }

    private static void take(StoredFile file, String reason, Set<StoredFile> going, Map<StoredFile, String> reasons) {
        going.add(file);
        reasons.put(file, reason);
    }
}
