package org.vigil.core.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedule watch's cheap look: a change is seen after every add and remove, and nothing else reads as one. */
class ScheduleChangesTest {
    @TempDir
    Path dir;

    @Test
    void everyAddAndRemoveIsSeenOnceAndNothingElse() throws Exception {
        Path db = dir.resolve("events.db");
        Map<String, String> window = Map.of("kind", "record", "from", "07:00", "to", "08:00");
        try (ScheduleChanges changes = new ScheduleChanges(db)) {
            assertTrue(changes.changed(), "the first look reads");
            assertFalse(changes.changed(), "no database yet, and still none");
            long first = ScheduleTable.add(db, "porch", window, Instant.now());
            assertTrue(changes.changed(), "added");
            assertFalse(changes.changed(), "nothing since");
            try (EventStore store = EventStore.open(db).store()) {
                store.eventStarted("porch", Instant.now()).get();
                store.flush();
            }
            assertFalse(changes.changed(), "an event is not a schedule");
            assertTrue(ScheduleTable.remove(db, first));
            long second = ScheduleTable.add(db, "porch", window, Instant.now());
            assertTrue(second > first);
            assertTrue(changes.changed(), "one removed and one added: the same count, a larger id");
            assertTrue(ScheduleTable.remove(db, second));
            assertTrue(changes.changed(), "removed");
            assertFalse(changes.changed());
        }
    }
}
