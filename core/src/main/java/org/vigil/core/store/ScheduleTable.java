package org.vigil.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedules added with the CLI, in the event database: written by {@code vigil schedule add|remove} (a short
 * transaction of its own beside the daemon's writer, which WAL and the busy timeout allow), read by the daemon,
 * which looks every few seconds and applies a change without a restart.
 */
public final class ScheduleTable {
    private ScheduleTable() {
    }

    /** Adds a schedule (creating the database if this is its first use) and returns its id. */
    public static long add(Path file, String camera, Map<String, String> options, Instant now) throws StoreException {
        try (Connection connection = openForWriting(file)) {
            connection.setAutoCommit(false);
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schedules (camera, created) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, camera);
                insert.setString(2, StoredTime.format(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement option = connection.prepareStatement(
                    "INSERT INTO schedule_options (schedule_id, key, value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> entry : options.entrySet()) {
                    option.setLong(1, id);
                    option.setString(2, entry.getKey());
                    option.setString(3, entry.getValue());
                    option.addBatch();
                }
                option.executeBatch();
            }
            connection.commit();
            return id;
        } catch (SQLException e) {
            throw new StoreException("event database " + file + ": cannot add the schedule: " + e.getMessage(), e);
        }
    }

    /** Removes a schedule; false when there is none with that id. */
    public static boolean remove(Path file, long id) throws StoreException {
        try (Connection connection = openForWriting(file)) {
            connection.setAutoCommit(false);
            try (PreparedStatement options = connection.prepareStatement("DELETE FROM schedule_options WHERE schedule_id = ?");
                 PreparedStatement schedule = connection.prepareStatement("DELETE FROM schedules WHERE id = ?")) {
                options.setLong(1, id);
                options.executeUpdate();
                schedule.setLong(1, id);
                boolean removed = schedule.executeUpdate() > 0;
                connection.commit();
                return removed;
            }
        } catch (SQLException e) {
            throw new StoreException("event database " + file + ": cannot remove schedule " + id + ": " + e.getMessage(), e);
        }
    }

    /** Every stored schedule in the order they were added; none when the database does not exist yet. */
    public static List<StoredSchedule> list(Path file) throws StoreException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Connection connection = StoreConnections.reader(file)) {
            if (Migrations.version(connection) < 2) {
                return List.of(); // made by a vigil before schedules: nothing stored yet
            }
            Map<Long, Map<String, String>> options = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT schedule_id, key, value FROM schedule_options "
                         + "ORDER BY schedule_id, rowid")) {
                while (rows.next()) {
                    options.computeIfAbsent(rows.getLong(1), id -> new LinkedHashMap<>()).put(rows.getString(2),
                            rows.getString(3));
                }
            }
            List<StoredSchedule> schedules = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, camera, created FROM schedules ORDER BY id")) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    schedules.add(new StoredSchedule(id, rows.getString(2), options.getOrDefault(id, Map.of()),
                            StoredTime.parse(rows.getString(3))));
                }
            }
            return schedules;
        } catch (SQLException e) {
            throw new StoreException("event database " + file + ": cannot read the schedules: " + e.getMessage(), e);
        }
    }

    private static Connection openForWriting(Path file) throws SQLException, StoreException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("event database " + file + ": cannot create its directory: " + e, e);
        }
        Connection connection = StoreConnections.writer(file);
        try {
            Migrations.migrate(connection, Migrations.LATEST);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}
