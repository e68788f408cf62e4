package org.vigil.core.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.config.AnnotationOptions;
import org.vigil.core.config.EventOptions;
import org.vigil.core.hooks.HookCall;
import org.vigil.core.hooks.HookKind;
import org.vigil.core.pipeline.StillAnnotator;
import org.vigil.core.record.DiskSpace;
import org.vigil.core.record.FrameRing;
import org.vigil.core.record.MovieRecording;
import org.vigil.core.record.MovieResult;
import org.vigil.core.record.SnapshotWriter;
import org.vigil.core.record.DirectMemory;
import org.vigil.core.store.EventFacts;
import org.vigil.core.store.FileKind;
import org.vigil.core.store.RecordingEnd;
import org.vigil.detectors.Detection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One camera's events, on a thread of their own: detections in (from the detection thread), the
 * {@link EventTracker}'s changes out to the database, the snapshot, the movie and the hooks. The capture thread only
 * copies frames into the session's {@link FrameRing} and stamps the time; everything that touches a disk or a
 * process is here or on the movie's own thread, so no event work ever delays a frame.
 * <pre>
 *   detection thread ──► queue ──► tracker ──► Started: row, movie (from pre-capture), hook
 *                                          ├─► Motion: movie goes on to last motion + post-capture, best snapshot
 *                                          ├─► NextMovie: the movie ends, the next begins
 *                                          └─► Ended: movie finished, snapshot written, row closed, hooks
 * </pre>
 */
public final class CameraEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CameraEvents.class);
    private ByteBuffer eventSnapshot;
    private boolean snapshotShortageLogged;
    private static final long UPDATE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long STORE_WAIT_SECONDS = 10;
    /** How long a finishing movie may take to write what is still queued: at a stop, briefly (systemd waits 20 s). */
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration DRAIN_AT_STOP = Duration.ofSeconds(4);
    private static final long SPACE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(2);

    private sealed interface Message {
    }

    private record Detected(Detection detection, long nanos) implements Message {
    }

    private record Attached(SessionRecording recording) implements Message {
    }

    private record Detached(boolean lost, String reason) implements Message {
    }

    private record Reconfigured(EventOptions events, AnnotationOptions annotation) implements Message {
    }

    private record Stop() implements Message {
    }

    /** Events armed or disarmed by the camera's detection windows. */
    private record Arming(boolean armed) implements Message {
    }

    /** A recording window open until {@code until} (the merged end of every open window of the camera). */
    private record RecordUntil(String schedule, Instant until, Duration segmentLength) implements Message {
    }

    private record RecordClosed(RecordingEnd reason) implements Message {
    }

    private record SnapshotDue(String schedule) implements Message {
    }

    private record TimelapseDue(String schedule) implements Message {
    }

    private final String camera;
    private final EventServices services;
    private final EventFiles files;
    private final RecordingFiles recordingFiles;
    private final Timelapse timelapse;
    private final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(256);
    private final Thread thread;
    private volatile long lastFrameNanos;
    private volatile StreamClock clock;
    private volatile FrameRing ring; // the capture thread's view of the session's ring
    private volatile long detectionsDropped;
    private volatile boolean armed = true;
    private volatile boolean everyFrame;
    private volatile Runnable framesWanted = () -> { };

    // the events thread's own
    private EventOptions options;
    private AnnotationOptions annotation;
    private EventTracker tracker;
    private SessionRecording recording;
    private boolean streaming;
    private boolean lost;
    private volatile Current current; // read by inEvent() from other threads
    private ScheduledRecording scheduled;
    private String scheduledId;
    private Duration scheduledSegment;
    private RecordUntil pendingWindow;
    private ByteBuffer still; // a scheduled snapshot's frame, reused

    /** The event in progress. */
    private static final class Current {
        long id = -1;
        Instant start;
        MovieRecording movie;
        Path movieFile;
        long movieFileId = -1;
        int movieNumber;
        long framesDropped;
        Detection best;
        long bestNanos;
        ByteBuffer snapshot;
        int snapshotBytes = -1;
        long lastStored;
        EventSummary summary;
        boolean diskFull;
        long spaceCheckedNanos;
    }

    public CameraEvents(String camera, EventOptions options, AnnotationOptions annotation, EventServices services) {
        this.camera = camera;
        this.options = options;
        this.annotation = annotation;
        this.services = services;
        this.files = new EventFiles(services.targetDir(), services.zone());
        this.recordingFiles = new RecordingFiles(services.targetDir(), services.zone());
        this.timelapse = new Timelapse(camera, services);
        this.tracker = new EventTracker(options.rules());
        this.everyFrame = options.movie();
        this.thread = new Thread(this::run, "vigil-events-" + camera);
        this.thread.setDaemon(true);
        services.store().camera(camera);
    }

    public void start() {
        thread.start();
    }

    // ---- capture thread ----------------------------------------------------------------------------------------

    /** A stream opened: its frames go into {@code recording}'s ring from now on (capture thread). */
    public void attach(SessionRecording session) {
        clock = null;
        ring = session == null ? null : session.ring();
        post(new Attached(session)); // null: a stream whose frames are not recorded (events are logged all the same)
    }

    /** A frame of the stream was taken at this time (capture thread, every frame): the clock the gaps run on. */
    public void frameTaken(long timestampNanos) {
        if (clock == null) {
            clock = StreamClock.pairedAt(timestampNanos); // once a stream
        }
        lastFrameNanos = timestampNanos;
    }

    /** A copy of a frame into the ring, for the movie and the snapshot (capture thread); allocates nothing. */
    public void keep(ByteBuffer data, int bytes, long timestampNanos, int rows, int rowBytes, int stride) {
        FrameRing frames = ring;
        if (frames != null) {
            frames.offer(data, bytes, timestampNanos, rows, rowBytes, stride);
        }
    }

    /** The stream closed: lost (the camera vanished or failed) or stopped on purpose. */
    public void detach(boolean lostCamera, String reason) {
        ring = null;
        post(new Detached(lostCamera, reason));
    }

    // ---- detection thread --------------------------------------------------------------------------------------

    /** A detection of the frame taken at {@code nanos}; dropped (and counted) if the events thread is far behind. */
    public void detected(Detection detection, long nanos) {
        if (!queue.offer(new Detected(detection, nanos))) {
            detectionsDropped++;
        }
    }

    /** New options, taken between two events. */
    public void reconfigure(EventOptions events, AnnotationOptions annotationOptions) {
        post(new Reconfigured(events, annotationOptions));
    }

    public long detectionsDropped() {
        return detectionsDropped;
    }

    /**
     * Whether the capture thread copies every frame into the ring (movies: an event's or a recording window's), or
     * only the frames given to the detector (enough for snapshots).
     */
    public boolean wantsEveryFrame() {
        return everyFrame;
    }

    // ---- the scheduler's threads -------------------------------------------------------------------------------

    /** Arms or disarms events (a detection window opened or closed); the feed shows "disarmed" meanwhile. */
    public void arm(boolean on) {
        armed = on;
        post(new Arming(on));
    }

    /** What to call when a schedule needs frames the stream does not keep (the camera reopens with them). */
    public void whenFramesWanted(Runnable reopen) {
        framesWanted = reopen;
    }

    /** Whether events are armed now (the annotator reads it every frame). */
    public boolean armed() {
        return armed;
    }

    /** Records continuously until {@code until}: a recording window opened, or the open one now ends elsewhere. */
    public void recordUntil(String schedule, Instant until, Duration segmentLength) {
        everyFrame = true;
        post(new RecordUntil(schedule, until, segmentLength));
    }

    /** A scheduled snapshot: the newest frame kept, as a JPEG beside the events' files. */
    public void snapshotDue(String schedule) {
        if (!queue.offer(new SnapshotDue(schedule))) {
            log.warn("camera {}: scheduled snapshot of {} skipped: the events thread is behind", camera, schedule);
        }
    }

    /** A timelapse frame: the newest frame kept, into the day's timelapse. */
    public void timelapseFrame(String schedule, Duration every) {
        if (!queue.offer(new TimelapseDue(schedule))) {
            log.warn("camera {}: timelapse frame of {} skipped: the events thread is behind", camera, schedule);
        }
    }

    /** The recording window closed (its end, or its schedule removed). */
    public void recordingClosed(RecordingEnd reason) {
        post(new RecordClosed(reason));
    }

    /** Whether an event is running now (status line, tests). */
    public boolean inEvent() {
        return current != null;
    }

    /** Ends a running event (reason stop), finishes its files and stops the thread. */
    @Override
    public void close() {
        post(new Stop());
        try {
            thread.join(TimeUnit.SECONDS.toMillis(40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("camera {}: events still finishing after 40 s at stop", camera);
        }
    }

    private void post(Message message) {
        try {
            queue.put(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- events thread -----------------------------------------------------------------------------------------

    private void run() {
        while (true) {
            Message message;
            try {
                message = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                message = new Stop();
            }
            try {
                if (message == null) {
                    tracker.tick(lastFrameNanos, this::apply);
                } else if (message instanceof Detected d) {
                    if (!streaming) {
                        continue; // made before the stream closed, queued behind its closing: no new event from it
                    }
                    if (!armed) {
                        tracker.tick(d.nanos(), this::apply); // disarmed: a running event ends at its gap, none starts
                        continue;
                    }
                    tracker.detection(d.detection(), d.nanos(), this::apply);
                    if (current != null && d.detection().isMotion()) {
                        noteMotion(d.detection(), d.nanos());
                    }
                } else if (message instanceof Arming a) {
                    log.info("camera {}: events {}", camera, a.armed() ? "armed (a detection window opened)"
                            : "disarmed (outside its detection windows)");
                } else if (message instanceof RecordUntil r) {
                    recordUntil(r);
                } else if (message instanceof RecordClosed c) {
                    closeRecording(c.reason());
                } else if (message instanceof SnapshotDue d) {
                    scheduledSnapshot(d.schedule());
                } else if (message instanceof TimelapseDue t) {
                    if (streaming && recording != null) {
                        timelapse.add(recording, lastFrameNanos, wall(lastFrameNanos));
                    } else if (streaming) {
                        framesWanted.run();
                    }
                } else if (message instanceof Attached a) {
                    recording = a.recording();
                    streaming = true;
                    if (pendingWindow != null) {
                        RecordUntil resume = pendingWindow;
                        pendingWindow = null;
                        if (Instant.now().isBefore(resume.until())) {
                            recordUntil(resume);
                        }
                    }
                    if (lost) {
                        lost = false;
                        Instant now = Instant.now();
                        services.store().cameraHealth(camera, false, "streaming again", now);
                        hook(HookKind.ON_CAMERA_FOUND, Optional.empty(), Optional.empty(), now, Optional.empty(), List.of());
                    }
                } else if (message instanceof Detached d) {
                    tracker.end(d.lost() ? EndReason.CAMERA_LOST : EndReason.STOP, lastFrameNanos, this::apply);
                    if (scheduled != null) {
                        Instant until = scheduled.until();
                        String id = scheduledId;
                        Duration length = scheduledSegment;
                        closeRecording(d.lost() ? RecordingEnd.CAMERA_LOST : RecordingEnd.STOP);
                        pendingWindow = new RecordUntil(id, until, length); // goes on when the stream comes back
                    }
                    recording = null;
                    streaming = false;
                    if (d.lost() && !lost) {
                        lost = true;
                        Instant now = Instant.now();
                        services.store().cameraHealth(camera, true, d.reason(), now);
                        hook(HookKind.ON_CAMERA_LOST, Optional.empty(), Optional.empty(), now, Optional.of(d.reason()),
                                List.of());
                    }
                } else if (message instanceof Reconfigured r) {
                    options = r.events();
                    annotation = r.annotation();
                    everyFrame = options.movie() || scheduled != null;
                    if (current == null) {
                        tracker = new EventTracker(options.rules());
                    }
                } else if (message instanceof Stop) {
                    tracker.end(EndReason.STOP, lastFrameNanos, this::apply);
                    if (scheduled != null) {
                        closeRecording(RecordingEnd.STOP);
                    }
                    timelapse.close();
                    return;
                }
                watchMovie();
                watchRecording();
            } catch (RuntimeException e) {
                log.error("camera {}: event handling failed; the event goes on without this step", camera, e);
            }
        }
    }

    private void recordUntil(RecordUntil window) {
        if (scheduled != null) {
            scheduled.extendTo(window.until());
            return;
        }
        if (!streaming || recording == null) {
            pendingWindow = window; // starts when the stream (with frames to record) is up
            if (streaming) {
                framesWanted.run();
            }
            return;
        }
        scheduledId = window.schedule();
        scheduledSegment = window.segmentLength();
        everyFrame = true;
        scheduled = ScheduledRecording.open(camera, services, window.schedule(), window.until(), window.segmentLength(),
                recording, lastFrameNanos, this::wall);
    }

    private void scheduledSnapshot(String schedule) {
        SessionRecording session = recording;
        if (!streaming || session == null) {
            log.info("camera {}: scheduled snapshot of {} skipped: {}", camera, schedule, streaming
                    ? "this stream's frames were not kept; from the next one on they are" : "the camera is not streaming");
            if (streaming) {
                framesWanted.run();
            }
            return;
        }
        if (still == null || still.capacity() < session.ring().frameBytes()) {
            still = DirectMemory.allocate(session.ring().frameBytes());
            if (still == null) {
                log.error("camera {}: scheduled snapshot of {} skipped: {}", camera, schedule,
                        DirectMemory.shortage("the snapshot buffer", session.ring().frameBytes()));
                return;
            }
        }
        ByteBuffer frame = still;
        int bytes = session.ring().copyNearest(lastFrameNanos, frame);
        if (bytes <= 0) {
            return;
        }
        Instant at = wall(lastFrameNanos);
        Path file = recordingFiles.snapshot(camera, at);
        try {
            long written = SnapshotWriter.write(frame, bytes, session.format(), session.width(), session.height(), file);
            services.store().fileWritten(file, FileKind.SNAPSHOT, written, at);
            hook(HookKind.ON_SNAPSHOT, Optional.empty(), Optional.of(file), at, Optional.of("schedule " + schedule),
                    List.of());
        } catch (IOException e) {
            log.warn("camera {}: scheduled snapshot {} not written: {}", camera, file, e.toString());
        }
    }

    private void closeRecording(RecordingEnd reason) {
        pendingWindow = null;
        if (scheduled != null) {
            scheduled.close(reason, lastFrameNanos, this::wall);
            scheduled = null;
        }
        everyFrame = options.movie();
    }

    /** The recording window's end comes on the wall clock: the scheduler's close is a second line of defence. */
    private void watchRecording() {
        if (scheduled == null) {
            return;
        }
        if (!Instant.now().isBefore(scheduled.until())) {
            closeRecording(RecordingEnd.WINDOW_END);
            return;
        }
        scheduled.tick(recording, lastFrameNanos, this::wall);
    }

    private void apply(EventChange change) {
        if (change instanceof EventChange.Started started) {
            begin(started.summary());
        } else if (change instanceof EventChange.Motion motion) {
            current.summary = motion.summary();
            if (current.movie != null) {
                current.movie.extendTo(motion.summary().lastMotionNanos() + options.postCaptureNanos());
            }
            long now = motion.summary().lastMotionNanos();
            if (now - current.lastStored >= UPDATE_EVERY_NANOS && current.id >= 0) {
                current.lastStored = now;
                services.store().eventUpdated(current.id, facts(motion.summary()), wall(now));
            }
        } else if (change instanceof EventChange.NextMovie next) {
            if (current.movie != null) {
                finishMovie(next.atNanos(), DRAIN);
                startMovie(next.atNanos(), next.atNanos());
            }
        } else if (change instanceof EventChange.Ended ended) {
            end(ended);
        }
    }

    private void begin(EventSummary summary) {
        current = new Current();
        current.summary = summary;
        current.start = wall(summary.firstMotionNanos());
        current.lastStored = summary.lastMotionNanos();
        try {
            current.id = services.store().eventStarted(camera, current.start).get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("camera {}: the event has no row (the database did not answer: {}); it is recorded anyway", camera,
                    e.toString());
            current.id = -System.currentTimeMillis(); // names its files uniquely all the same
        }
        log.info("camera {}: event {} started ({}% changed)", camera, current.id,
                String.format(Locale.ROOT, "%.1f", summary.peakChangedFraction() * 100));
        hook(HookKind.ON_EVENT_START, Optional.of(current.id), Optional.empty(), current.start, Optional.empty(),
                summary.zones());
        if (recording != null && options.movie()) {
            startMovie(summary.firstMotionNanos() - options.preCaptureNanos(),
                    summary.lastMotionNanos() + options.postCaptureNanos());
        }
        if (recording != null && options.snapshot() != EventOptions.SnapshotChoice.OFF) {
            current.snapshot = snapshotBuffer(recording.ring().frameBytes());
        }
    }

    /**
     * The camera's one buffer for its events' snapshots (each is written before the next event begins), or null when
     * direct memory has no room for it: the event goes on without a snapshot, and the log says why, once.
     */
    private ByteBuffer snapshotBuffer(int bytes) {
        if (eventSnapshot == null || eventSnapshot.capacity() < bytes) {
            eventSnapshot = DirectMemory.allocate(bytes);
            if (eventSnapshot == null && !snapshotShortageLogged) {
                snapshotShortageLogged = true;
                log.error("camera {}: events go without snapshots: {}", camera,
                        DirectMemory.shortage("the snapshot buffer", bytes));
            }
        }
        return eventSnapshot;
    }

    private void noteMotion(Detection detection, long nanos) {
        if (current.snapshot == null) {
            return;
        }
        boolean first = options.snapshot() == EventOptions.SnapshotChoice.FIRST;
        if (current.best == null || !first && detection.changedFraction() > current.best.changedFraction()) {
            int copied = recording.ring().copyNearest(nanos, current.snapshot);
            if (copied > 0) {
                current.best = detection;
                current.bestNanos = nanos;
                current.snapshotBytes = copied;
                if (first) {
                    writeSnapshot(current); // the first motion frame: written at once, its hook runs now
                }
            }
        }
    }

    private void startMovie(long fromNanos, long untilNanos) {
        services.beforeNewFile().run();
        current.movieNumber++;
        String extension = MovieRecording.extension(services.ffmpeg(), recording.format());
        current.movieFile = files.movie(camera, current.id, current.start, current.movieNumber, extension);
        current.movie = MovieRecording.start(camera, recording.ring(), services.ffmpeg(), recording.format(),
                recording.width(), recording.height(), recording.fps(), current.movieFile, fromNanos, untilNanos);
        current.movieFileId = -1;
        if (current.id >= 0) {
            try {
                current.movieFileId = services.store().fileStarted(current.id, current.movie.part(), FileKind.MOVIE,
                        wall(Math.max(fromNanos, 0))).get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("camera {}: movie {} has no row: {}", camera, current.movieFile, e.toString());
            }
        }
    }

    /**
     * A movie that failed on its own (a full disk, ffmpeg gone) stops that recording with one line; the event goes
     * on, and its row will say disk-full. Once the disk has room again, the event's recording resumes in its next
     * movie.
     */
    private void watchMovie() {
        if (current == null) {
            return;
        }
        if (current.movie == null) {
            resumeAfterDiskFull();
            return;
        }
        if (!current.movie.result().isDone()) {
            return;
        }
        MovieResult result = current.movie.result().join();
        settleMovie(result);
        current.movie = null;
        if (result.diskFull()) {
            current.diskFull = true;
            current.spaceCheckedNanos = System.nanoTime();
            log.error("camera {}: {} is full: the recording of event {} stopped there; detection, the live feed and "
                    + "the other cameras go on, and recording resumes when space is freed", camera,
                    services.targetDir(), current.id);
        }
    }

    private void resumeAfterDiskFull() {
        if (!current.diskFull || recording == null || !options.movie()
                || System.nanoTime() - current.spaceCheckedNanos < SPACE_CHECK_NANOS) {
            return;
        }
        current.spaceCheckedNanos = System.nanoTime();
        if (!DiskSpace.hasRoomAgain(services.targetDir())) {
            return;
        }
        log.info("camera {}: {} has room again: event {} is recorded again from now", camera, services.targetDir(),
                current.id);
        long now = lastFrameNanos;
        startMovie(now, Math.max(now, current.summary.lastMotionNanos() + options.postCaptureNanos()));
    }

    private void finishMovie(long atNanos, Duration drain) {
        MovieRecording movie = current.movie;
        current.movie = null;
        try {
            settleMovie(movie.end(atNanos, drain).get(drain.toSeconds() + 60, TimeUnit.SECONDS));
        } catch (Exception e) {
            log.warn("camera {}: movie {} did not finish within 60 s: {}", camera, current.movieFile, e.toString());
        }
    }

    private void settleMovie(MovieResult result) {
        current.framesDropped += result.framesDropped();
        if (result.problem().isPresent() && !result.diskFull()) {
            log.warn("camera {}: movie {} of event {}: {}", camera, current.movieFile, current.id, result.problem().get());
        }
        if (result.file().isEmpty()) {
            return;
        }
        Path file = result.file().get();
        current.movieFile = file; // its name now: -partial when cut short
        if (current.movieFileId >= 0) {
            services.store().fileFinished(current.movieFileId, current.id, file, FileKind.MOVIE, result.bytes(),
                    result.complete());
        }
        log.info("camera {}: movie {} ({} frames, {} dropped{})", camera, file, result.framesWritten(),
                result.framesDropped(), result.complete() ? "" : ", cut short");
        hook(HookKind.ON_MOVIE_END, Optional.of(current.id), Optional.of(file), current.start, Optional.empty(),
                current.summary.zones());
    }

    private void end(EventChange.Ended ended) {
        Current event = current;
        if (event.movie != null) {
            finishMovie(ended.endNanos(), ended.reason() == EndReason.STOP ? DRAIN_AT_STOP : DRAIN);
        }
        if (event.snapshotBytes > 0 && options.snapshot() == EventOptions.SnapshotChoice.BEST) {
            writeSnapshot(event);
        }
        EndReason reason = event.diskFull ? EndReason.DISK_FULL : ended.reason();
        Instant end = wall(ended.endNanos());
        EventFacts facts = facts(ended.summary());
        if (event.id >= 0) {
            services.store().eventEnded(event.id, facts, end, reason);
        }
        log.info("camera {}: event {} ended ({}): {} s, peak {}% changed, {} motion frames{}", camera, event.id,
                reason.word(), String.format(Locale.ROOT, "%.1f", (end.toEpochMilli() - event.start.toEpochMilli()) / 1e3),
                String.format(Locale.ROOT, "%.1f", ended.summary().peakChangedFraction() * 100),
                ended.summary().motionFrames(), event.framesDropped > 0 ? ", " + event.framesDropped
                        + " recorded frames dropped" : "");
        hook(HookKind.ON_EVENT_END, Optional.of(event.id), Optional.ofNullable(event.movieFile), event.start,
                Optional.of(reason.word()), ended.summary().zones());
        current = null;
        tracker = new EventTracker(options.rules()); // options changed during the event apply from here
    }

    private void writeSnapshot(Current event) {
        Path file = files.snapshot(camera, event.id, event.start);
        SessionRecording session = recording;
        if (session == null) {
            return;
        }
        try {
            if (options.snapshotAnnotated()) {
                new StillAnnotator(camera, annotation).draw(event.snapshot, session.fourcc(), session.width(),
                        session.height(), event.best, wall(event.bestNanos).toEpochMilli());
            }
            long bytes = SnapshotWriter.write(event.snapshot, event.snapshotBytes, session.format(), session.width(),
                    session.height(), file);
            if (event.id >= 0) {
                long id = services.store().fileStarted(event.id, file, FileKind.SNAPSHOT, Instant.now())
                        .get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
                services.store().fileFinished(id, event.id, file, FileKind.SNAPSHOT, bytes, true);
            }
            hook(HookKind.ON_SNAPSHOT, Optional.of(event.id), Optional.of(file), event.start, Optional.empty(),
                    event.summary.zones());
        } catch (IOException e) {
            log.warn("camera {}: snapshot {} of event {} not written: {}", camera, file, event.id, e.toString());
        } catch (Exception e) {
            log.warn("camera {}: snapshot {} of event {} has no row: {}", camera, file, event.id, e.toString());
        }
    }

    private EventFacts facts(EventSummary summary) {
        long dropped = current == null ? 0 : current.framesDropped;
        return new EventFacts(summary.peakChangedFraction(), summary.unionBox(), summary.motionFrames(),
                summary.zones(), dropped);
    }

    private Instant wall(long nanos) {
        StreamClock paired = clock;
        return paired == null ? Instant.now() : paired.wall(nanos);
    }

    private void hook(HookKind kind, Optional<Long> eventId, Optional<Path> file, Instant time, Optional<String> reason,
                      List<String> zones) {
        services.hooks().run(new HookCall(kind, camera, eventId, file, time, reason, zones));
    }
}
