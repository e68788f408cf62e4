package org.vigil.core.retention;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A file the database knows and retention may delete: finished, of a finished event or recording.
 *
 * @param keep whether its event is marked keep ({@code vigil events keep ID}): such files go last
 */
public record StoredFile(long id, String camera, Path path, long bytes, Instant created, boolean keep) {
}
