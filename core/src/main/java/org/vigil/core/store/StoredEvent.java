package org.vigil.core.store;

import org.vigil.core.events.EndReason;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An event as the database holds it; {@code end} and {@code reason} are empty while it is running. */
public record StoredEvent(long id, String camera, Instant start, Instant lastUpdate, Optional<Instant> end,
                          Optional<EndReason> reason, EventFacts facts, Optional<String> snapshot,
                          Optional<String> movie, List<StoredFile> files) {
    public StoredEvent {
        files = List.copyOf(files);
    }

    /** A file an event left. */
    public record StoredFile(long id, String path, FileKind kind, Optional<Long> bytes, Instant created,
                             boolean complete, Optional<Instant> deleted) {
    }
}
