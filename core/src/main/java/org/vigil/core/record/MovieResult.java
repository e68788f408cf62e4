package org.vigil.core.record;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a movie ended.
 *
 * @param file          where it is now: its final name when complete, a "-partial" name when cut short, empty when
 *                      nothing was written
 * @param framesDropped frames of the event the recorder could not keep (its queue overflowed)
 * @param problem       what went wrong, empty when the movie is complete
 */
public record MovieResult(Optional<Path> file, long bytes, boolean complete, boolean diskFull, long framesWritten,
                          long framesDropped, Optional<String> problem) {
}
