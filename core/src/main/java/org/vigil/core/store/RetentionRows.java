package org.vigil.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows retention works on: the files it may delete (finished, of an event or recording that has ended, or of
 * neither: a scheduled snapshot, a timelapse), and, from the CLI, the mark it leaves on a deleted file's row. The
 * daemon marks its deletions through {@link EventStore#fileDeleted}, its one writer.
 */
public final class RetentionRows {
    /** A file as retention sees it; {@code camera} is null for a file of no event or recording. */
    public record Row(long id, String camera, Path path, long bytes, Instant created, boolean keep) {
    }

    private RetentionRows() {
    }

    public static List<Row> deletable(Path database) throws StoreException {
        if (!Files.exists(database)) {
            return List.of();
        }
        try (Connection connection = StoreConnections.reader(database)) {
            if (Migrations.version(connection) < 2) {
                return List.of();
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT f.id, coalesce(ce.name, cr.name), f.path, f.bytes, f.created, coalesce(e.keep, 0)
                    FROM files f
                    LEFT JOIN events e ON e.id = f.event_id
                    LEFT JOIN cameras ce ON ce.id = e.camera_id
                    LEFT JOIN recordings r ON r.id = f.recording_id
                    LEFT JOIN cameras cr ON cr.id = r.camera_id
                    WHERE f.deleted IS NULL
                      AND (f.event_id IS NULL OR e.end IS NOT NULL)
                      AND (f.recording_id IS NULL OR r.end IS NOT NULL)
                      AND f.path NOT LIKE '%.part'
                    ORDER BY f.created, f.id""");
                 ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), Path.of(result.getString(3)),
                            result.getLong(4), StoredTime.parse(result.getString(5)), result.getInt(6) != 0));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("event database " + database + ": cannot read its files: " + e.getMessage(), e);
        }
    }

    /** Marks files deleted, from a process other than the daemon (the CLI), in one transaction. */
    public static void markDeleted(Path database, List<Long> ids, List<String> reasons, Instant at) throws StoreException {
        try (Connection connection = StoreConnections.writer(database)) {
            connection.setAutoCommit(false);
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE files SET deleted = ?, deleted_reason = ? WHERE id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    mark.setString(1, StoredTime.format(at));
                    mark.setString(2, reasons.get(i));
                    mark.setLong(3, ids.get(i));
                    mark.addBatch();
                }
                mark.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException("event database " + database + ": cannot mark deleted files: " + e.getMessage(), e);
        }
    }

    /** Marks an event kept (its files go last, never by age) or not; false when there is no such event. */
    public static boolean keep(Path database, long eventId, boolean keep) throws StoreException {
        try (Connection connection = StoreConnections.writer(database)) {
            Migrations.migrate(connection, Migrations.LATEST);
            try (PreparedStatement mark = connection.prepareStatement("UPDATE events SET keep = ? WHERE id = ?")) {
                mark.setInt(1, keep ? 1 : 0);
                mark.setLong(2, eventId);
                return mark.executeUpdate() > 0;
            }
        } catch (SQLException e) {
            throw new StoreException("event database " + database + ": cannot mark event " + eventId + ": "
                    + e.getMessage(), e);
        }
    }
}
