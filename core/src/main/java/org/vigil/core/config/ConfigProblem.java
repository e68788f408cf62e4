package org.vigil.core.config;

import java.nio.file.Path;

/**
 * One thing wrong with a config file, where it is and what to do about it:
 * {@code vigil.yml:12:7: cameras.driveway.detector.threshold: 1.5 is out of range [0, 1]: Fraction of ...}.
 *
 * @param line   1-based, 0 when the problem has no place in the file (the file cannot be read)
 * @param column 1-based
 * @param key    the key path ("cameras.driveway.size"), or "" for the file as a whole
 */
public record ConfigProblem(Path file, int line, int column, String key, String message) {

    /** The line a user reads: FILE:LINE:COLUMN: KEY: MESSAGE. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file.toString());
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (!key.isEmpty()) {
            text.append(key).append(": ");
        }
        return text.append(message).toString();
    }
}
