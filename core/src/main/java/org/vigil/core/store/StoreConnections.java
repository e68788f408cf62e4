package org.vigil.core.store;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** How vigil's writer and its readers connect to the event database. */
final class StoreConnections {
    /** How long a reader or the writer waits for a lock before it reports one (WAL makes waits rare and short). */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private StoreConnections() {
    }

    /**
     * The one writer: WAL, so readers never block it nor it them; synchronous=FULL, so a committed event survives a
     * power cut (events are few: the cost is an fsync each); foreign keys enforced.
     */
    static Connection writer(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    /** A reader (`vigil events`): read-only, so it can never take the write lock. */
    static Connection reader(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config.createConnection("jdbc:sqlite:" + file);
    }
}
