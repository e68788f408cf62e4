package org.vigil.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The event database's schema, version by version: {@code PRAGMA user_version} says which ones a file has had, and
 * each missing one runs in its own transaction, so a file is always at one version or the next, never between.
 * A migration is never edited once released; a change is a new one.
 */
final class Migrations {
    /** One step from version - 1 to version. */
    record Migration(int version, String what, List<String> statements) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "cameras, events, files, camera health", List.of(
                    """
                    CREATE TABLE cameras (
                      id INTEGER PRIMARY KEY,
                      name TEXT NOT NULL UNIQUE,
                      first_seen TEXT NOT NULL)""",
                    """
                    CREATE TABLE events (
                      id INTEGER PRIMARY KEY,
                      camera_id INTEGER NOT NULL REFERENCES cameras(id),
                      start TEXT NOT NULL,
                      last_update TEXT NOT NULL,
                      end TEXT,
                      end_reason TEXT CHECK (end_reason IN ('gap', 'stop', 'camera-lost', 'disk-full', 'interrupted')),
                      peak_changed REAL NOT NULL DEFAULT 0,
                      box_x INTEGER, box_y INTEGER, box_width INTEGER, box_height INTEGER,
                      motion_frames INTEGER NOT NULL DEFAULT 0,
                      zones TEXT NOT NULL DEFAULT '[]',
                      snapshot TEXT,
                      movie TEXT,
                      frames_dropped INTEGER NOT NULL DEFAULT 0)""",
                    "CREATE INDEX events_by_start ON events(start)",
                    "CREATE INDEX events_open ON events(end) WHERE end IS NULL",
                    """
                    CREATE TABLE files (
                      id INTEGER PRIMARY KEY,
                      path TEXT NOT NULL,
                      kind TEXT NOT NULL CHECK (kind IN ('snapshot', 'movie')),
                      bytes INTEGER,
                      event_id INTEGER REFERENCES events(id),
                      created TEXT NOT NULL,
                      complete INTEGER NOT NULL DEFAULT 0,
                      deleted TEXT)""",
                    "CREATE INDEX files_by_event ON files(event_id)",
                    """
                    CREATE TABLE camera_health (
                      id INTEGER PRIMARY KEY,
                      camera_id INTEGER NOT NULL REFERENCES cameras(id),
                      at TEXT NOT NULL,
                      state TEXT NOT NULL CHECK (state IN ('lost', 'found')),
                      reason TEXT)""")),
            new Migration(2, "schedules added with the CLI, scheduled recordings, events to keep, why a file was deleted", List.of(
                    """
                    CREATE TABLE schedules (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      camera TEXT NOT NULL,
                      created TEXT NOT NULL)""",
                    """
                    CREATE TABLE schedule_options (
                      schedule_id INTEGER NOT NULL REFERENCES schedules(id) ON DELETE CASCADE,
                      key TEXT NOT NULL,
                      value TEXT NOT NULL,
                      PRIMARY KEY (schedule_id, key))""",
                    """
                    CREATE TABLE recordings (
                      id INTEGER PRIMARY KEY,
                      camera_id INTEGER NOT NULL REFERENCES cameras(id),
                      schedule TEXT NOT NULL,
                      start TEXT NOT NULL,
                      last_update TEXT NOT NULL,
                      end TEXT,
                      end_reason TEXT CHECK (end_reason IN ('window-end', 'stop', 'camera-lost', 'disk-full',
                        'interrupted', 'schedule-removed')),
                      frames_dropped INTEGER NOT NULL DEFAULT 0)""",
                    "CREATE INDEX recordings_by_start ON recordings(start)",
                    "ALTER TABLE files ADD COLUMN recording_id INTEGER REFERENCES recordings(id)",
                    "ALTER TABLE events ADD COLUMN keep INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE files ADD COLUMN deleted_reason TEXT")));

    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    /**
     * Brings the file to {@code target}; a file newer than this vigil is refused rather than written into.
     *
     * @return the versions applied, in order
     */
    static List<Integer> migrate(Connection connection, int target) throws SQLException {
        int current = version(connection);
        if (current > LATEST) {
            throw new SQLException("the event database is at schema version " + current + ", newer than this vigil "
                    + "knows (" + LATEST + "): run the newer vigil, or point `database` at another file");
        }
        List<Integer> applied = new java.util.ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Migration migration : ALL) {
                if (migration.version() <= current || migration.version() > target) {
                    continue;
                }
                try (Statement statement = connection.createStatement()) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    // a pragma takes no parameter; the number is this class's own constant, not input
                    statement.execute("PRAGMA user_version = " + migration.version());
                    connection.commit();
                    applied.add(migration.version());
                } catch (SQLException e) {
                    connection.rollback();
                    throw new SQLException("schema migration to version " + migration.version() + " (" + migration.what()
                            + ") failed: " + e.getMessage(), e);
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return applied;
    }
}
