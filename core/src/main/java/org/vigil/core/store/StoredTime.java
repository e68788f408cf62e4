package org.vigil.core.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the database stores them: UTC text with milliseconds, always the same length, so that text order is
 * time order and the sqlite3 CLI shows something a person can read ({@code 2026-12-01T11:31:46.120Z}).
 */
final class StoredTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private StoredTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    static Instant parse(String text) {
        return Instant.from(FORMAT.parse(text));
    }
}
