package org.vigil.core.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.events.EndReason;
import org.vigil.detectors.Box;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The event database's one writer. Every write runs on a thread of its own, in order, through prepared statements
 * (no SQL is ever built from a name or a path), each its own transaction; callers never wait for the disk unless they
 * ask for the id a write made. A write that fails is logged with the file and the reason, and the daemon goes on:
 * a database problem costs rows, never frames.
 */
public final class EventStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventStore.class);

    private final Path file;
    private final Connection connection;
    private final ExecutorService writer;
    private final Map<String, Long> cameraIds = new HashMap<>();
    private final PreparedStatement insertCamera;
    private final PreparedStatement findCamera;
    private final PreparedStatement insertEvent;
    private final PreparedStatement updateEvent;
    private final PreparedStatement endEvent;
    private final PreparedStatement setSnapshot;
    private final PreparedStatement setMovie;
    private final PreparedStatement insertFile;
    private final PreparedStatement completeFile;
    private final PreparedStatement insertHealth;
    private final PreparedStatement insertRecording;
    private final PreparedStatement updateRecording;
    private final PreparedStatement endRecording;
    private final PreparedStatement insertRecordingFile;
    private final PreparedStatement insertLooseFile;
    private final PreparedStatement markDeleted;
    private String lastFailure;

    private EventStore(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        insertCamera = connection.prepareStatement("INSERT OR IGNORE INTO cameras (name, first_seen) VALUES (?, ?)");
        findCamera = connection.prepareStatement("SELECT id FROM cameras WHERE name = ?");
        insertEvent = connection.prepareStatement("INSERT INTO events (camera_id, start, last_update) VALUES (?, ?, ?)");
        updateEvent = connection.prepareStatement("UPDATE events SET last_update = ?, peak_changed = ?, box_x = ?, "
                + "box_y = ?, box_width = ?, box_height = ?, motion_frames = ?, zones = ?, frames_dropped = ? WHERE id = ?");
        endEvent = connection.prepareStatement("UPDATE events SET last_update = ?, end = ?, end_reason = ?, "
                + "peak_changed = ?, box_x = ?, box_y = ?, box_width = ?, box_height = ?, motion_frames = ?, zones = ?, "
                + "frames_dropped = ? WHERE id = ?");
        setSnapshot = connection.prepareStatement("UPDATE events SET snapshot = ? WHERE id = ?");
        setMovie = connection.prepareStatement("UPDATE events SET movie = coalesce(movie, ?) WHERE id = ?");
        insertFile = connection.prepareStatement("INSERT INTO files (path, kind, event_id, created) VALUES (?, ?, ?, ?)");
        completeFile = connection.prepareStatement("UPDATE files SET path = ?, bytes = ?, complete = ? WHERE id = ?");
        insertHealth = connection.prepareStatement("INSERT INTO camera_health (camera_id, at, state, reason) "
                + "VALUES (?, ?, ?, ?)");
        insertRecording = connection.prepareStatement("INSERT INTO recordings (camera_id, schedule, start, last_update) "
                + "VALUES (?, ?, ?, ?)");
        updateRecording = connection.prepareStatement("UPDATE recordings SET last_update = ?, frames_dropped = ? "
                + "WHERE id = ?");
        endRecording = connection.prepareStatement("UPDATE recordings SET last_update = ?, end = ?, end_reason = ?, "
                + "frames_dropped = ? WHERE id = ?");
        insertRecordingFile = connection.prepareStatement("INSERT INTO files (path, kind, recording_id, created) "
                + "VALUES (?, 'movie', ?, ?)");
        insertLooseFile = connection.prepareStatement("INSERT INTO files (path, kind, bytes, created, complete) "
                + "VALUES (?, ?, ?, ?, 1)");
        markDeleted = connection.prepareStatement("UPDATE files SET deleted = ?, deleted_reason = ? WHERE id = ?");
        writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "vigil-store");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What opening found: the store, and the events a crash left open (now closed as interrupted). */
    public record Opened(EventStore store, List<Interrupted> interrupted) {
    }

    /**
     * An event (or, {@code recording} true, a scheduled recording) the last run left open, closed as interrupted at
     * its last update, with its files still incomplete.
     */
    public record Interrupted(long id, String camera, Instant lastUpdate, List<UnfinishedFile> files, boolean recording) {
        public Interrupted(long id, String camera, Instant lastUpdate, List<UnfinishedFile> files) {
            this(id, camera, lastUpdate, files, false);
        }
    }

    /** A file row never marked complete. */
    public record UnfinishedFile(long id, String path, FileKind kind) {
    }

    /**
     * Opens (or creates) the database, brings its schema up to date and closes what a crash left open.
     *
     * @throws StoreException the file cannot be created, is not a database, or is from a newer vigil
     */
    public static Opened open(Path file) throws StoreException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("event database " + file + ": cannot create its directory: " + e
                    + "; make it writable for the user vigil runs as, or set `database` to another path", e);
        }
        Connection connection = null;
        try {
            connection = StoreConnections.writer(file);
            List<Integer> applied = Migrations.migrate(connection, Migrations.LATEST);
            if (!applied.isEmpty()) {
                log.info("event database {}: schema {} ({})", file, Migrations.LATEST,
                        applied.size() == Migrations.ALL.size() ? "created" : "migrated through " + applied);
            }
            EventStore store = new EventStore(file, connection);
            return new Opened(store, store.closeInterrupted());
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the open failed already; that is the error to report
                }
            }
            throw new StoreException("event database " + file + ": " + e.getMessage() + "; if the file is not a "
                    + "vigil database, set `database` to another path", e);
        }
    }

    public Path file() {
        return file;
    }

    /** A camera's row, made on first use. */
    public void camera(String name) {
        run("add camera " + name, () -> cameraId(name));
    }

    /** A new event's row; the id comes once it is committed. */
    public CompletableFuture<Long> eventStarted(String camera, Instant start) {
        return call("start an event of " + camera, () -> {
            insertEvent.setLong(1, cameraId(camera));
            insertEvent.setString(2, StoredTime.format(start));
            insertEvent.setString(3, StoredTime.format(start));
            return insertedId(insertEvent);
        });
    }

    /** The event's facts so far; at a crash, the event is closed at the last of these. */
    public void eventUpdated(long id, EventFacts facts, Instant at) {
        run("update event " + id, () -> {
            updateEvent.setString(1, StoredTime.format(at));
            int next = bindFacts(updateEvent, 2, facts);
            updateEvent.setLong(next, id);
            updateEvent.executeUpdate();
        });
    }

    public void eventEnded(long id, EventFacts facts, Instant end, EndReason reason) {
        run("end event " + id, () -> {
            endEvent.setString(1, StoredTime.format(end));
            endEvent.setString(2, StoredTime.format(end));
            endEvent.setString(3, reason.word());
            int next = bindFacts(endEvent, 4, facts);
            endEvent.setLong(next, id);
            endEvent.executeUpdate();
        });
    }

    /** A file an event is writing (under its temporary name until {@link #fileFinished}). */
    public CompletableFuture<Long> fileStarted(long eventId, Path path, FileKind kind, Instant created) {
        return call("add file " + path, () -> {
            insertFile.setString(1, path.toString());
            insertFile.setString(2, kind.word());
            insertFile.setLong(3, eventId);
            insertFile.setString(4, StoredTime.format(created));
            return insertedId(insertFile);
        });
    }

    /** A file written to its end (or as far as it got: {@code complete} false) under its final name. */
    public void fileFinished(long fileId, long eventId, Path path, FileKind kind, long bytes, boolean complete) {
        run("finish file " + path, () -> {
            complete(fileId, path, bytes, complete);
            PreparedStatement link = kind == FileKind.SNAPSHOT ? setSnapshot : setMovie;
            link.setString(1, path.toString());
            link.setLong(2, eventId);
            link.executeUpdate();
        });
    }

    /** A scheduled recording's row (a recording window opened); the id comes once it is committed. */
    public CompletableFuture<Long> recordingStarted(String camera, String schedule, Instant start) {
        return call("start a recording of " + camera, () -> {
            insertRecording.setLong(1, cameraId(camera));
            insertRecording.setString(2, schedule);
            insertRecording.setString(3, StoredTime.format(start));
            insertRecording.setString(4, StoredTime.format(start));
            return insertedId(insertRecording);
        });
    }

    /** How far a recording has got; at a crash, it is closed at the last of these. */
    public void recordingUpdated(long id, Instant at, long framesDropped) {
        run("update recording " + id, () -> {
            updateRecording.setString(1, StoredTime.format(at));
            updateRecording.setLong(2, framesDropped);
            updateRecording.setLong(3, id);
            updateRecording.executeUpdate();
        });
    }

    public void recordingEnded(long id, Instant end, RecordingEnd reason, long framesDropped) {
        run("end recording " + id, () -> {
            endRecording.setString(1, StoredTime.format(end));
            endRecording.setString(2, StoredTime.format(end));
            endRecording.setString(3, reason.word());
            endRecording.setLong(4, framesDropped);
            endRecording.setLong(5, id);
            endRecording.executeUpdate();
        });
    }

    /** A movie segment a recording is writing (under its temporary name until {@link #recordingFileFinished}). */
    public CompletableFuture<Long> recordingFileStarted(long recordingId, Path path, Instant created) {
        return call("add file " + path, () -> {
            insertRecordingFile.setString(1, path.toString());
            insertRecordingFile.setLong(2, recordingId);
            insertRecordingFile.setString(3, StoredTime.format(created));
            return insertedId(insertRecordingFile);
        });
    }

    public void recordingFileFinished(long fileId, Path path, long bytes, boolean complete) {
        run("finish file " + path, () -> complete(fileId, path, bytes, complete));
    }

    /** A finished file of no event or recording: a scheduled snapshot, a day's timelapse. */
    public void fileWritten(Path path, FileKind kind, long bytes, Instant created) {
        run("add file " + path, () -> {
            insertLooseFile.setString(1, path.toString());
            insertLooseFile.setString(2, kind.word());
            insertLooseFile.setLong(3, bytes);
            insertLooseFile.setString(4, StoredTime.format(created));
            insertLooseFile.executeUpdate();
        });
    }

    /** Retention deleted a file: its row says when and which budget, and stays. */
    public void fileDeleted(long fileId, Instant at, String reason) {
        run("mark file " + fileId + " deleted", () -> {
            markDeleted.setString(1, StoredTime.format(at));
            markDeleted.setString(2, reason);
            markDeleted.setLong(3, fileId);
            markDeleted.executeUpdate();
        });
    }

    /** A camera lost or found again. */
    public void cameraHealth(String camera, boolean lost, String reason, Instant at) {
        run("record camera health of " + camera, () -> {
            insertHealth.setLong(1, cameraId(camera));
            insertHealth.setString(2, StoredTime.format(at));
            insertHealth.setString(3, lost ? "lost" : "found");
            insertHealth.setString(4, reason);
            insertHealth.executeUpdate();
        });
    }

    /** Waits until every write asked for so far is committed (tests, and the end of the demo). */
    public void flush() {
        call("flush", () -> 0L).join();
    }

    /** Commits what is queued, then closes the database (the writer's WAL is checkpointed on close). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("event database {}: writes still queued after 10 s at stop; they are lost", file);
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("event database {}: closing: {}", file, e.getMessage());
        }
    }

    private List<Interrupted> closeInterrupted() throws SQLException {
        List<Interrupted> recordings = new ArrayList<>();
        try (PreparedStatement open = connection.prepareStatement("SELECT r.id, c.name, r.last_update FROM recordings r "
                + "JOIN cameras c ON c.id = r.camera_id WHERE r.end IS NULL ORDER BY r.id");
             ResultSet rows = open.executeQuery()) {
            while (rows.next()) {
                recordings.add(new Interrupted(rows.getLong(1), rows.getString(2), StoredTime.parse(rows.getString(3)),
                        new ArrayList<>(), true));
            }
        }
        try (PreparedStatement files = connection.prepareStatement("SELECT id, path FROM files "
                + "WHERE recording_id = ? AND complete = 0");
             PreparedStatement close = connection.prepareStatement("UPDATE recordings SET end = last_update, "
                     + "end_reason = 'interrupted' WHERE id = ?")) {
            for (Interrupted recording : recordings) {
                files.setLong(1, recording.id());
                try (ResultSet rows = files.executeQuery()) {
                    while (rows.next()) {
                        recording.files().add(new UnfinishedFile(rows.getLong(1), rows.getString(2), FileKind.MOVIE));
                    }
                }
                close.setLong(1, recording.id());
                close.executeUpdate();
            }
        }
        List<Interrupted> found = new ArrayList<>(recordings);
        try (PreparedStatement open = connection.prepareStatement("SELECT e.id, c.name, e.last_update FROM events e "
                + "JOIN cameras c ON c.id = e.camera_id WHERE e.end IS NULL ORDER BY e.id");
             ResultSet rows = open.executeQuery()) {
            while (rows.next()) {
                found.add(new Interrupted(rows.getLong(1), rows.getString(2), StoredTime.parse(rows.getString(3)),
                        new ArrayList<>()));
            }
        }
        if (found.size() == recordings.size()) {
            return found;
        }
        try (PreparedStatement files = connection.prepareStatement("SELECT id, path, kind FROM files "
                + "WHERE event_id = ? AND complete = 0");
             PreparedStatement close = connection.prepareStatement("UPDATE events SET end = last_update, "
                     + "end_reason = 'interrupted' WHERE id = ?")) {
            for (Interrupted event : found) {
                if (event.recording()) {
                    continue; // settled above
                }
                files.setLong(1, event.id());
                try (ResultSet rows = files.executeQuery()) {
                    while (rows.next()) {
                        event.files().add(new UnfinishedFile(rows.getLong(1), rows.getString(2),
                                FileKind.valueOf(rows.getString(3).toUpperCase(java.util.Locale.ROOT))));
                    }
                }
                close.setLong(1, event.id());
                close.executeUpdate();
            }
        }
        return found;
    }

    /** A file's row under its final name, with its size and whether it was written to its end. */
    private void complete(long fileId, Path path, long bytes, boolean complete) throws SQLException {
        completeFile.setString(1, path.toString());
        completeFile.setLong(2, bytes);
        completeFile.setInt(3, complete ? 1 : 0);
        completeFile.setLong(4, fileId);
        completeFile.executeUpdate();
    }

    /** Runs an insert and returns the row's id. */
    private static long insertedId(PreparedStatement insert) throws SQLException {
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private long cameraId(String name) throws SQLException {
        Long known = cameraIds.get(name);
        if (known != null) {
            return known;
        }
        insertCamera.setString(1, name);
        insertCamera.setString(2, StoredTime.format(Instant.now()));
        insertCamera.executeUpdate();
        findCamera.setString(1, name);
        try (ResultSet row = findCamera.executeQuery()) {
            row.next();
            long id = row.getLong(1);
            cameraIds.put(name, id);
            return id;
        }
    }

    private static int bindFacts(PreparedStatement statement, int first, EventFacts facts) throws SQLException {
        int i = first;
        statement.setDouble(i++, facts.peakChanged());
        if (facts.box().isPresent()) {
            Box box = facts.box().get();
            statement.setInt(i++, box.x());
            statement.setInt(i++, box.y());
            statement.setInt(i++, box.width());
            statement.setInt(i++, box.height());
        } else {
            for (int k = 0; k < 4; k++) {
                statement.setNull(i++, Types.INTEGER);
            }
        }
        statement.setInt(i++, facts.motionFrames());
        statement.setString(i++, JsonText.array(facts.zones()));
        statement.setLong(i++, facts.framesDropped());
        return i;
    }

    private interface Write {
        void run() throws SQLException;
    }

    private interface Query<T> {
        T call() throws SQLException;
    }

    private void run(String what, Write write) {
        call(what, () -> {
            write.run();
            return null;
        });
    }

    private <T> CompletableFuture<T> call(String what, Query<T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            writer.execute(() -> {
                try {
                    result.complete(query.call());
                } catch (SQLException | RuntimeException e) {
                    failed(what, e);
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("event database " + file + " is closed"));
        }
        return result;
    }

    private void failed(String what, Exception e) {
        String reason = e.getMessage();
        if (!reason.equals(lastFailure)) { // a full disk fails every write alike: say it once
            lastFailure = reason;
            log.error("event database {}: cannot {}: {}; events go on being detected, and this is logged again "
                    + "only when the reason changes", file, what, reason);
        }
    }
}
