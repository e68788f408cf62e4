package org.vigil.core.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.record.PartialNames;
import org.vigil.core.store.EventStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What a crash left: events and scheduled recordings the database closed as interrupted, and their files still
 * under NAME.part. A movie is
 * fragmented MP4, playable up to its last fragment, so it is kept, renamed NAME-partial.EXT; a file with nothing in
 * it is removed.
 */
final class InterruptedEvents {
    private static final Logger log = LoggerFactory.getLogger(InterruptedEvents.class);

    private InterruptedEvents() {
    }

    static void settle(List<EventStore.Interrupted> interrupted, EventStore store) {
        for (EventStore.Interrupted event : interrupted) {
            StringBuilder kept = new StringBuilder();
            for (EventStore.UnfinishedFile file : event.files()) {
                Path part = Path.of(file.path());
                Path partial = PartialNames.partial(PartialNames.unpart(part));
                try {
                    if (!Files.exists(part)) {
                        continue;
                    }
                    long bytes = Files.size(part);
                    if (bytes == 0) {
                        Files.delete(part);
                        continue;
                    }
                    Files.move(part, partial, StandardCopyOption.ATOMIC_MOVE);
                    if (event.recording()) {
                        store.recordingFileFinished(file.id(), partial, bytes, false);
                    } else {
                        store.fileFinished(file.id(), event.id(), partial, file.kind(), bytes, false);
                    }
                    kept.append(kept.length() == 0 ? "; kept " : ", ").append(partial);
                } catch (IOException e) {
                    log.warn("event {}: cannot rename {} to {}: {}", event.id(), part, partial, e.toString());
                }
            }
            log.warn("{} {} of camera {} was interrupted (vigil did not stop cleanly): closed at its last update, "
                    + "{}{}", event.recording() ? "scheduled recording" : "event", event.id(), event.camera(),
                    event.lastUpdate(), kept);
        }
    }
}
