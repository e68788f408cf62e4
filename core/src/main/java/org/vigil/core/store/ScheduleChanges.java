package org.vigil.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tells the daemon's schedule watch whether the schedules stored with the CLI changed since it last looked, with one
 * small query on a reader connection it keeps open. Stored schedules are only ever added or removed, and their ids
 * never reused (AUTOINCREMENT), so the largest id and the count together change exactly when the set does: reading
 * the whole list and opening a connection every few seconds cost more than the camera it served on a small machine.
 */
public final class ScheduleChanges implements AutoCloseable {
    private final Path file;
    private Connection connection;
    private long largestId = -1;
    private long count = -1;

    public ScheduleChanges(Path file) {
        this.file = file;
    }

    /** The database watched. */
    public Path file() {
        return file;
    }

    /** Whether the stored set changed since the last call (true at the first, and after any error, so the caller reads). */
    public synchronized boolean changed() {
        if (!Files.exists(file)) {
            return largestId != 0 && reset(0, 0);
        }
        try {
            if (connection == null) {
                connection = StoreConnections.reader(file);
            }
            if (Migrations.version(connection) < 2) {
                return largestId != 0 && reset(0, 0);
            }
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT coalesce(max(id), 0), count(*) FROM schedules")) {
                long id = row.getLong(1);
                long rows = row.getLong(2);
                return (id != largestId || rows != count) && reset(id, rows);
            }
        } catch (SQLException e) {
            close();
            largestId = -1;
            return true; // the full read reports what is wrong
        }
    }

    private boolean reset(long id, long rows) {
        largestId = id;
        count = rows;
        return true;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // a read-only connection holds nothing to lose
            }
            connection = null;
        }
    }
}
