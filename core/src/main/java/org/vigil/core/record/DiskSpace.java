package org.vigil.core.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the file system a file is on has room left. */
public final class DiskSpace {
    /** Below this much free space a failed write counts as a full disk. */
    static final long NEARLY_FULL_BYTES = 1024 * 1024;
    static final long RESUME_BYTES = 16L * 1024 * 1024;

    private DiskSpace() {
    }

    public static boolean isFull(Path file) {
        return freeBytes(file) < NEARLY_FULL_BYTES;
    }

    /**
     * Whether a file system that was full has room to record in again: 16 MB free, or a quarter of a smaller one,
     * so that a recording does not start only to stop at once.
     */
    public static boolean hasRoomAgain(Path file) {
        long total = totalBytes(file);
        return freeBytes(file) >= Math.min(RESUME_BYTES, total / 4);
    }

    private static long totalBytes(Path file) {
        Path probe = existing(file);
        try {
            return probe == null ? Long.MAX_VALUE : Files.getFileStore(probe).getTotalSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Path existing(Path file) {
        Path probe = file;
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        return probe;
    }

    /** Bytes free for vigil on the file system of the file (or of its nearest existing parent); MAX_VALUE if unknown. */
    public static long freeBytes(Path file) {
        Path probe = existing(file);
        if (probe == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Files.getFileStore(probe).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
