package org.vigil.core.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.record.DiskSpace;
import org.vigil.core.record.MovieRecording;
import org.vigil.core.record.MovieResult;
import org.vigil.core.store.RecordingEnd;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * One camera's continuous recording while a recording window is open (on the camera's events thread): a recording
 * row, movie segments of the schedule's length one after the other, each a file row, and the row closed with why it
 * ended. Overlapping windows of the camera come here merged, as one window that may be extended. A full disk stops
 * the segment with one line and recording resumes in a new segment once there is room; a lost camera ends the
 * recording (a window still open when it comes back starts a new one).
 */
final class ScheduledRecording {
    private static final Logger log = LoggerFactory.getLogger(ScheduledRecording.class);
    private static final long STORE_WAIT_SECONDS = 10;
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration DRAIN_AT_STOP = Duration.ofSeconds(4);
    private static final long SPACE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long UPDATE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String camera;
    private final EventServices services;
    private final RecordingFiles files;
    private final String schedule;
    private final Duration segmentLength;
    private Instant until;
    private long id = -1;
    private Instant start;
    private MovieRecording movie;
    private long movieFileId = -1;
    private Path movieFile;
    private int segment;
    private long segmentStartNanos;
    private long framesDropped;
    private boolean diskFull;
    private long spaceCheckedNanos;
    private long lastUpdateNanos;

    private ScheduledRecording(String camera, EventServices services, String schedule, Instant until,
                               Duration segmentLength) {
        this.camera = camera;
        this.services = services;
        this.files = new RecordingFiles(services.targetDir(), services.zone());
        this.schedule = schedule;
        this.until = until;
        this.segmentLength = segmentLength;
    }

    /** Opens the window: the row, then the first segment from the frame taken at {@code nowNanos}. */
    static ScheduledRecording open(String camera, EventServices services, String schedule, Instant until,
                                   Duration segmentLength, SessionRecording session, long nowNanos,
                                   LongFunction<Instant> wall) {
        ScheduledRecording recording = new ScheduledRecording(camera, services, schedule, until, segmentLength);
        recording.start = wall.apply(nowNanos);
        try {
            recording.id = services.store().recordingStarted(camera, schedule, recording.start)
                    .get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("camera {}: the scheduled recording has no row (the database did not answer: {}); it is recorded "
                    + "anyway", camera, e.toString());
            recording.id = -System.currentTimeMillis();
        }
        log.info("camera {}: recording window of schedule {} open until {} (recording {})", camera, schedule, until,
                recording.id);
        recording.startSegment(session, nowNanos, wall);
        return recording;
    }

    Instant until() {
        return until;
    }

    /** A merged window that now ends later (or earlier: a schedule removed from a merge). */
    void extendTo(Instant newEnd) {
        until = newEnd;
    }

    /**
     * Between messages: a segment that has run its length gives way to the next, a segment that failed is settled
     * (a full disk waits for room), and the row is updated now and then.
     */
    void tick(SessionRecording session, long nowNanos, LongFunction<Instant> wall) {
        if (movie != null && movie.result().isDone()) {
            MovieResult result = movie.result().join();
            settle(result);
            movie = null;
            if (result.diskFull()) {
                diskFull = true;
                spaceCheckedNanos = System.nanoTime();
                log.error("camera {}: {} is full: scheduled recording {} stopped there; detection, the live feed and the "
                        + "other cameras go on, and it resumes when space is freed", camera, services.targetDir(), id);
            }
        }
        if (movie == null && diskFull && System.nanoTime() - spaceCheckedNanos >= SPACE_CHECK_NANOS) {
            spaceCheckedNanos = System.nanoTime();
            if (DiskSpace.hasRoomAgain(services.targetDir())) {
                log.info("camera {}: {} has room again: scheduled recording {} goes on", camera, services.targetDir(), id);
                diskFull = false;
                startSegment(session, nowNanos, wall);
            }
        }
        if (movie != null && nowNanos - segmentStartNanos >= segmentLength.toNanos()) {
            long cut = segmentStartNanos + segmentLength.toNanos();
            finishSegment(cut, DRAIN);
            startSegment(session, cut, wall);
        }
        if (nowNanos - lastUpdateNanos >= UPDATE_EVERY_NANOS && id >= 0) {
            lastUpdateNanos = nowNanos;
            services.store().recordingUpdated(id, wall.apply(nowNanos), framesDropped);
        }
    }

    /** Ends the recording with the frames taken before {@code atNanos}. */
    void close(RecordingEnd reason, long atNanos, LongFunction<Instant> wall) {
        if (movie != null) {
            finishSegment(atNanos, reason == RecordingEnd.STOP ? DRAIN_AT_STOP : DRAIN);
        }
        RecordingEnd why = diskFull && reason == RecordingEnd.WINDOW_END ? RecordingEnd.DISK_FULL : reason;
        Instant end = wall.apply(atNanos);
        if (id >= 0) {
            services.store().recordingEnded(id, end, why, framesDropped);
        }
        log.info("camera {}: scheduled recording {} ended ({}): {} s in {} segment{}{}", camera, id, why.word(),
                Math.max(0, Duration.between(start, end).toSeconds()), segment, segment == 1 ? "" : "s",
                framesDropped > 0 ? ", " + framesDropped + " frames dropped" : "");
    }

    private void startSegment(SessionRecording session, long fromNanos, LongFunction<Instant> wall) {
        if (session == null) {
            return;
        }
        services.beforeNewFile().run();
        segment++;
        segmentStartNanos = fromNanos;
        String extension = MovieRecording.extension(services.ffmpeg(), session.format());
        movieFile = files.segment(camera, id, start, segment, extension);
        movie = MovieRecording.start(camera, session.ring(), services.ffmpeg(), session.format(), session.width(),
                session.height(), session.fps(), movieFile, fromNanos, Long.MAX_VALUE);
        movieFileId = -1;
        if (id >= 0) {
            try {
                movieFileId = services.store().recordingFileStarted(id, movie.part(), wall.apply(fromNanos))
                        .get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("camera {}: segment {} has no row: {}", camera, movieFile, e.toString());
            }
        }
    }

    private void finishSegment(long atNanos, Duration drain) {
        MovieRecording ending = movie;
        movie = null;
        try {
            settle(ending.end(atNanos, drain).get(drain.toSeconds() + 60, TimeUnit.SECONDS));
        } catch (Exception e) {
            log.warn("camera {}: segment {} did not finish within {} s: {}", camera, movieFile, drain.toSeconds() + 60,
                    e.toString());
        }
    }

    private void settle(MovieResult result) {
        framesDropped += result.framesDropped();
        if (result.problem().isPresent() && !result.diskFull()) {
            log.warn("camera {}: segment {} of recording {}: {}", camera, movieFile, id, result.problem().get());
        }
        if (result.file().isEmpty()) {
            return;
        }
        Path file = result.file().get();
        if (movieFileId >= 0) {
            services.store().recordingFileFinished(movieFileId, file, result.bytes(), result.complete());
        }
        log.info("camera {}: segment {} ({} frames, {} dropped{})", camera, file, result.framesWritten(),
                result.framesDropped(), result.complete() ? "" : ", cut short");
    }
}
