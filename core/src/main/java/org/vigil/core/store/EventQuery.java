package org.vigil.core.store;

import org.vigil.core.events.EndReason;
import org.vigil.detectors.Box;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reader of the event database (`vigil events`, tests): a read-only connection, which in WAL mode neither waits for
 * the daemon's writer nor holds it up.
 */
public final class EventQuery implements AutoCloseable {
    private static final String EVENT_COLUMNS = "SELECT e.id, c.name, e.start, e.last_update, e.end, e.end_reason, "
            + "e.peak_changed, e.box_x, e.box_y, e.box_width, e.box_height, e.motion_frames, e.zones, e.frames_dropped, "
            + "e.snapshot, e.movie FROM events e JOIN cameras c ON c.id = e.camera_id ";

    private final Path file;
    private final Connection connection;

    private EventQuery(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** @throws StoreException no database there yet, or not one vigil can read */
    public static EventQuery open(Path file) throws StoreException {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("event database " + file + " does not exist: vigil creates it when the daemon "
                    + "starts; pass --database or check `database` in the config", null);
        }
        try {
            Connection connection = StoreConnections.reader(file);
            int version = Migrations.version(connection);
            if (version > Migrations.LATEST || version == 0) {
                connection.close();
                throw new StoreException("event database " + file + " is at schema version " + version
                        + "; this vigil reads version " + Migrations.LATEST, null);
            }
            return new EventQuery(file, connection);
        } catch (SQLException e) {
            throw new StoreException("event database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Events that started in [since, until), oldest first, optionally of one camera. */
    public List<StoredEvent> events(Optional<String> camera, Optional<Instant> since, Optional<Instant> until)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(EVENT_COLUMNS
                + "WHERE (?1 IS NULL OR c.name = ?1) AND (?2 IS NULL OR e.start >= ?2) AND (?3 IS NULL OR e.start < ?3) "
                + "ORDER BY e.start, e.id")) {
            query.setString(1, camera.orElse(null));
            query.setString(2, since.map(StoredTime::format).orElse(null));
            query.setString(3, until.map(StoredTime::format).orElse(null));
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows, List.of()));
                }
            }
            return events;
        }
    }

    /** One event with its files. */
    public Optional<StoredEvent> event(long id) throws SQLException {
        List<StoredEvent.StoredFile> files = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, path, kind, bytes, created, complete, "
                + "deleted FROM files WHERE event_id = ? ORDER BY id")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long bytes = rows.getLong(4);
                    Optional<Long> size = rows.wasNull() ? Optional.empty() : Optional.of(bytes);
                    files.add(new StoredEvent.StoredFile(rows.getLong(1), rows.getString(2),
                            FileKind.valueOf(rows.getString(3).toUpperCase(java.util.Locale.ROOT)), size,
                            StoredTime.parse(rows.getString(5)), rows.getInt(6) == 1,
                            Optional.ofNullable(rows.getString(7)).map(StoredTime::parse)));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(EVENT_COLUMNS + "WHERE e.id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(event(rows, files)) : Optional.empty();
            }
        }
    }

    public Path file() {
        return file;
    }

    private static StoredEvent event(ResultSet rows, List<StoredEvent.StoredFile> files) throws SQLException {
        Optional<Box> box = Optional.empty();
        int x = rows.getInt(8);
        if (!rows.wasNull()) {
            box = Optional.of(new Box(x, rows.getInt(9), rows.getInt(10), rows.getInt(11)));
        }
        EventFacts facts = new EventFacts(rows.getDouble(7), box, rows.getInt(12), JsonText.parseArray(rows.getString(13)),
                rows.getLong(14));
        return new StoredEvent(rows.getLong(1), rows.getString(2), StoredTime.parse(rows.getString(3)),
                StoredTime.parse(rows.getString(4)), Optional.ofNullable(rows.getString(5)).map(StoredTime::parse),
                Optional.ofNullable(rows.getString(6)).map(EndReason::ofWord), facts,
                Optional.ofNullable(rows.getString(15)), Optional.ofNullable(rows.getString(16)), files);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a read-only connection holds nothing worth reporting at close
        }
    }
}
