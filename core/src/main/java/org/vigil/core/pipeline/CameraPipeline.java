package org.vigil.core.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.config.CameraConfig;
import org.vigil.core.events.CameraEvents;
import org.vigil.detectors.MotionDetector;
import org.vigil.kernel.v4l2.DeviceBusyException;
import org.vigil.kernel.v4l2.DeviceUsers;
import org.vigil.kernel.v4l2.Fault;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.kernel.v4l2.Wakeup;
import org.vigil.vloop.Backoff;
import org.vigil.vloop.LoopbackSink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One camera: a thread that owns its device, opens a {@link CameraSession}, and runs every frame through it; when
 * the camera stalls, vanishes or fails to open, it closes everything, backs off (1 s doubling to 30 s, or at once
 * when the device comes back) and opens again with the same config. The per-frame work, on the capture thread:
 * <pre>
 *   stream.next() ──► frame (a view of the driver's mmap buffer)
 *      │ count it, and the gaps in the driver's sequence numbers
 *      ├─► due for detection and the detector idle?  luma, shrunk ──► DetectionWorker (own thread) ──► Detection
 *      │                                                                     ├─► CameraEvents: events, files, hooks
 *      │                                                                     └─► motion pipe (change picture)
 *      ├─► a copy into the frame ring (pre-capture and the movie's queue; without movies only the frames detected,
 *      │   for the snapshot) ──► CameraEvents (own thread)
 *      ├─► feed: copy or convert into the pipe's buffer ─► privacy blank ─► overlay of the latest Detection ─► publish
 *      └─► frame.close(): QBUF, the buffer back to the driver
 * </pre>
 * {@link FramePath} is that work. Nothing on it logs, touches a disk or allocates in steady state; a stage that throws
 * (a bug) is logged once with its name and its frame dropped. Stop and reload wake the thread through an eventfd in
 * its poll set.
 */
public final class CameraPipeline {
    private static final Logger log = LoggerFactory.getLogger(CameraPipeline.class);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** Where a camera is in its life. */
    public enum State { STARTING, STREAMING, DOWN, FAILED, STOPPED }

    private final String name;
    private final CameraContext context;
    private final CameraCounters counters = new CameraCounters();
    private final Wakeup wakeup = Wakeup.create();
    private final AtomicReference<CameraConfig> pending = new AtomicReference<>();
    private final Thread thread;
    private volatile CameraConfig config;
    private volatile boolean stopping;
    private volatile boolean framesWanted;
    private volatile boolean reopenWanted;
    private volatile State state = State.STARTING;
    private volatile CameraSession session;
    private volatile String problem;
    private final boolean[] stageFailureLogged = new boolean[FramePath.Stage.values().length];
    private final CameraEvents events;

    /** @param events the camera's events, which this camera's thread closes when it ends; null for none */
    public CameraPipeline(CameraConfig config, CameraContext context, CameraEvents events) {
        this.name = config.name();
        this.config = config;
        this.context = context;
        this.events = events;
        this.thread = new Thread(this::run, "vigil-camera-" + name);
        if (events != null) {
            events.whenFramesWanted(this::keepFrames);
        }
        // An Error (out of memory, a native crash reported as one) ends this camera only, and says so.
        this.thread.setUncaughtExceptionHandler((dead, error) -> {
            state = State.FAILED;
            problem = error.toString();
            log.error("camera {}: stopped by an internal error; the other cameras go on, restart vigil to bring this one "
                    + "back", name, error);
        });
    }

    public void start() {
        if (events != null) {
            events.start();
        }
        thread.start();
    }

    /** The camera's events, or empty when it has none (tests). */
    public Optional<CameraEvents> events() {
        return Optional.ofNullable(events);
    }

    public String name() {
        return name;
    }

    public CameraConfig config() {
        return config;
    }

    public CameraCounters counters() {
        return counters;
    }

    public State state() {
        return state;
    }

    /** What went wrong last (while down or failed), or null. */
    public String problem() {
        return problem;
    }

    /** The open session's format, node and pipes, for the status line; empty while down. */
    public Optional<SessionView> session() {
        CameraSession open = session;
        return open == null ? Optional.empty() : Optional.of(new SessionView(open.node(), open.format(), open.feed(),
                open.motion()));
    }

    /** The open session as the status line shows it. */
    public record SessionView(Path node, NegotiatedFormat format, Optional<LoopbackSink> feed,
                              Optional<LoopbackSink> motion) {
    }

    /** The capture thread, for tests that measure what it allocates. */
    public Thread thread() {
        return thread;
    }

    /**
     * A new config that needs no restart ({@link CameraConfig#needsRestartFor} is false): detector, masks, zones,
     * annotation, detection rate. Applied between two frames.
     */
    public void update(CameraConfig next) {
        pending.set(next);
        wakeup.wake();
        LockSupport.unpark(thread);
    }

    /**
     * A schedule added with the CLI records, though the config keeps no frames: the stream reopens (at a frame
     * boundary, a fraction of a second) with its frame ring, and keeps it.
     */
    public void keepFrames() {
        if (framesWanted) {
            return;
        }
        framesWanted = true;
        reopenWanted = true;
        log.info("camera {}: a schedule records: reopening with frames kept for recording", name);
        wakeup.wake();
        LockSupport.unpark(thread);
    }

    /** Asks the thread to stop; {@link #awaitStopped} waits for it. */
    public void stop() {
        stopping = true;
        wakeup.wake();
        LockSupport.unpark(thread);
    }

    /** Waits for the thread to end; true when it did within the time. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        if (!thread.isAlive()) {
            wakeup.close();
            return true;
        }
        return false;
    }

    private void run() {
        Backoff backoff = new Backoff(FIRST_WAIT, LONGEST_WAIT);
        long downSince = 0;
        int attempts = 0;
        String lastReported = null;
        while (!stopping) {
            CameraConfig next = pending.getAndSet(null);
            if (next != null) {
                config = next;
            }
            CameraSession opened;
            String fingerprint = DeviceLocator.fingerprint(config.device());
            try {
                opened = CameraSession.open(config, wakeup, context, counters,
                        events == null ? DetectionListener.NONE : events::detected,
                        events == null ? () -> true : events::armed, framesWanted);
            } catch (V4l2Exception e) {
                attempts++;
                if (downSince == 0) {
                    downSince = System.nanoTime();
                }
                String reason = describe(e);
                problem = reason;
                if (e.fault() == Fault.CONFIG) {
                    state = State.FAILED;
                    if (!reason.equals(lastReported)) {
                        log.error("camera {}: cannot run: {}; fix the config and reload (SIGHUP); the other cameras go on",
                                name, reason);
                        lastReported = reason;
                    }
                    waitForChange(fingerprint, Long.MAX_VALUE);
                } else {
                    state = State.DOWN;
                    long delay = backoff.nextDelayNanos();
                    if (!reason.equals(lastReported)) {
                        log.warn("camera {}: cannot open: {}; trying again in {} (sooner if the device changes)", name,
                                reason, seconds(delay));
                        lastReported = reason;
                    }
                    waitForChange(fingerprint, delay);
                }
                continue;
            } catch (RuntimeException e) {
                state = State.DOWN;
                problem = e.toString();
                log.error("camera {}: opening failed unexpectedly; trying again", name, e);
                waitForChange(fingerprint, backoff.nextDelayNanos());
                continue;
            }
            session = opened;
            FrameCopies copies = opened.recording();
            if (events != null) {
                events.attach(copies == null ? null : copies.recording());
            }
            counters.opens++;
            state = State.STREAMING;
            problem = null;
            if (counters.opens > 1 && downSince == 0) {
                log.info("camera {}: reopened {}: {}", name, opened.node(), opened.format().describe());
            } else if (counters.opens == 1 && downSince == 0) {
                log.info("camera {}: streaming {} ({}, {}): {}; {}", name, opened.node(), config.device(),
                        opened.stream().mode().name().toLowerCase(Locale.ROOT), opened.format().describe(), opened.format().why());
            } else {
                log.info("camera {}: {} {} after {} ({} attempt{}): {}", name, counters.losses > 0 ? "found again," : "opened",
                        opened.node(), seconds(System.nanoTime() - downSince), attempts, attempts == 1 ? "" : "s",
                        opened.format().describe());
            }
            backoff.reset();
            attempts = 0;
            lastReported = null;
            downSince = 0;
            boolean lost = false;
            try {
                stream(opened);
            } catch (V4l2Exception e) {
                lost = true;
                counters.losses++;
                downSince = System.nanoTime();
                problem = describe(e);
                state = State.DOWN;
                log.warn("camera {}: lost: {}; reopening", name, problem);
                lastReported = problem;
            } catch (RuntimeException e) {
                lost = true;
                counters.losses++;
                downSince = System.nanoTime();
                problem = e.toString();
                state = State.DOWN;
                log.error("camera {}: the frame loop failed unexpectedly; reopening", name, e);
            } finally {
                session = null;
                if (events != null) {
                    events.detach(lost, lost ? problem : "stream closed");
                }
                opened.close();
            }
        }
        if (events != null) {
            events.close(); // ends a running event as stopped and finishes its files
        }
        state = State.STOPPED;
        log.info("camera {}: stopped", name);
    }

    /** Frames until stop, a restart-worthy change, or a device error (thrown). */
    private void stream(CameraSession s) throws V4l2Exception {
        FramePath path = new FramePath(name, s, counters, events, stageFailureLogged, config.detectionFps());
        while (!stopping) {
            CameraConfig next = pending.getAndSet(null);
            if (next != null && !applyLive(s, path, next)) {
                pending.compareAndSet(null, next); // taken up by the reopen
                return;
            }
            if (reopenWanted) {
                reopenWanted = false;
                return;
            }
            Frame frame = s.stream().next();
            if (frame == null) {
                continue; // woken: look at stop and pending again
            }
            try {
                path.process(frame);
            } finally {
                frame.close();
            }
        }
    }

    /**
     * Applies a change between two frames: a new detector (masks, zones and options are its setup), annotation,
     * detection rate. False when the change needs the session reopened (the detector wants another input size).
     */
    private boolean applyLive(CameraSession s, FramePath path, CameraConfig next) {
        CameraConfig previous = config;
        config = next;
        path.detectionRate(next.detectionFps());
        if (!next.detector().equals(previous.detector()) || !next.detectionMask().equals(previous.detectionMask())
                || !next.privacyMask().equals(previous.privacyMask()) || !next.zones().equals(previous.zones())) {
            MotionDetector detector = CameraSession.createDetector(next, context);
            int width = s.stream().format().width();
            if (width / CameraSession.shrinkFactor(width, detector.inputWidth(width)) != s.luma().width()) {
                detector.close();
                log.info("camera {}: the new detector wants pictures of another size; reopening", name);
                return false;
            }
            s.worker().replace(detector);
        }
        if (s.annotator() != null) {
            s.annotator().reconfigure(name, next.annotation(), next.privacyMask());
        }
        if (events != null && (!next.events().equals(previous.events())
                || !next.annotation().equals(previous.annotation()))) {
            events.reconfigure(next.events(), next.annotation());
        }
        log.info("camera {}: new settings applied at frame {}", name, counters.framesIn);
        return true;
    }

    /**
     * Waits for the backoff delay, for a stop or new config, or until the device changes (appears, vanishes, gets a
     * producer), whichever comes first; looks at the device four times a second.
     */
    private void waitForChange(String fingerprint, long delayNanos) {
        long deadline = delayNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + delayNanos;
        while (!stopping && pending.get() == null) {
            long now = System.nanoTime();
            if (deadline != Long.MAX_VALUE && now - deadline >= 0) {
                return;
            }
            LockSupport.parkNanos(this, deadline == Long.MAX_VALUE ? WATCH_NANOS : Math.min(WATCH_NANOS, deadline - now));
            if (!DeviceLocator.fingerprint(config.device()).equals(fingerprint)) {
                return;
            }
        }
    }

    private String describe(V4l2Exception e) {
        String message = e.getMessage();
        if (e instanceof DeviceBusyException && !e.device().isEmpty()) {
            message += "; held by " + DeviceUsers.describe(DeviceUsers.of(Path.of(e.device())));
        }
        return message;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
