package org.vigil.core.lifecycle;

import org.vigil.core.events.CameraEvents;
import org.vigil.core.record.DiskSpace;
import org.vigil.core.record.DirectMemory;
import org.vigil.core.retention.RetentionRun;
import org.vigil.core.schedule.Durations;
import org.vigil.core.schedule.Schedule;
import org.vigil.core.schedule.ScheduleService;
import org.vigil.core.schedule.ScheduleTarget;
import org.vigil.core.schedule.StoredSchedules;
import org.vigil.core.store.RecordingEnd;
import org.vigil.core.store.ScheduleChanges;
import org.vigil.core.store.ScheduleTable;
import org.vigil.core.store.StoredSchedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.config.CameraConfig;
import org.vigil.core.config.ConfigLoader;
import org.vigil.core.config.ConfigProblem;
import org.vigil.core.config.VigilConfig;
import org.vigil.core.events.CameraEvents;
import org.vigil.core.events.EventServices;
import org.vigil.core.hooks.HookRunner;
import org.vigil.core.pipeline.CameraContext;
import org.vigil.core.pipeline.CameraPipeline;
import org.vigil.core.pipeline.CameraSource;
import org.vigil.core.pipeline.FrameTap;
import org.vigil.core.record.FfmpegProgram;
import org.vigil.core.store.EventStore;
import org.vigil.core.store.StoreException;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.vloop.PipeFinder;
import org.vigil.vloop.PipeProducers;
import org.vigil.vloop.SinkListener;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The running daemon: its cameras, the status line, the shared executor for pipe reopen attempts. States as Jetty's
 * lifecycle has them (stopped, starting, started, stopping); starts in order (config, then cameras, then the status
 * line) and stops in reverse, each camera within a deadline. A reload validates the whole file first and changes
 * nothing when anything in it is wrong; otherwise it touches only what changed.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    /** The daemon's life. */
    public enum State { STOPPED, STARTING, STARTED, STOPPING }

    private final ConfigLoader loader;
    private final CameraContext context;
    private final ExecutorService reopenAttempts;
    private final Map<String, CameraPipeline> cameras = new LinkedHashMap<>();
    /**
     * The cameras as the scheduler's threads see them, republished after every change: they never take this
     * daemon's lock, which a reload holds while it waits on the scheduler's.
     */
    private volatile Map<String, CameraPipeline> routing = Map.of();
    private volatile State state = State.STOPPED;
    private volatile VigilConfig config;
    private StatusReporter status;
    private EventStore store;
    private HookRunner hooks;
    private EventServices services;
    private static final String RETENTION = "retention";
    private volatile ScheduleService schedules;
    private List<String> storedProblems = List.of();
    private List<Schedule> storedSchedules = List.of();
    /** The stored schedules' rows as last read, and what says when to read them again (the scheduler's threads). */
    private final Object storedLock = new Object(); // never the daemon's: a reload holds that while the scheduler reads
    private List<StoredSchedule> storedRows = List.of();
    private ScheduleChanges scheduleChanges;

    private Daemon(ConfigLoader loader, CameraContext context, ExecutorService reopenAttempts) {
        this.loader = loader;
        this.context = context;
        this.reopenAttempts = reopenAttempts;
    }

    /** A daemon for this machine's devices; {@code tap} is a test's look at annotated frames, null otherwise. */
    public static Daemon create(DetectorCatalog detectors, FrameTap tap) {
        return create(detectors, tap, CameraSource.DEVICES, PipeProducers.loopbacks(PipeFinder.system()));
    }

    /** A daemon whose cameras and pipes open elsewhere than on devices: a benchmark's memory cameras and pipes. */
    public static Daemon create(DetectorCatalog detectors, FrameTap tap, CameraSource cameras, PipeProducers pipes) {
        ExecutorService reopen = reopenPool();
        CameraContext context = new CameraContext(detectors, cameras, pipes, reopen, SinkListener.LOG, tap);
        return new Daemon(new ConfigLoader(detectors), context, reopen);
    }

    /** Two threads for every sink's reopen attempts: opening a pipe is quick, two keep one slow node from holding all. */
    private static ExecutorService reopenPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "vigil-reopen");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.prestartAllCoreThreads();
        return pool;
    }

    public State state() {
        return state;
    }

    public synchronized VigilConfig config() {
        return config;
    }

    /** The cameras running now, in config order. */
    public synchronized List<CameraPipeline> cameras() {
        return List.copyOf(cameras.values());
    }

    public synchronized CameraPipeline camera(String name) {
        return cameras.get(name);
    }

    /**
     * Opens the event database (closing what a crash left open), then starts every camera of a checked config; a
     * camera that cannot open yet keeps trying on its own thread.
     *
     * @throws StoreException the event database cannot be opened: nothing was started
     */
    public synchronized void start(VigilConfig first) throws StoreException {
        state = State.STARTING;
        config = first;
        EventStore.Opened opened;
        try {
            opened = EventStore.open(first.database());
        } catch (StoreException e) {
            state = State.STOPPED;
            throw e;
        }
        store = opened.store();
        InterruptedEvents.settle(opened.interrupted(), store);
        ZoneId zone = ZoneId.systemDefault();
        hooks = new HookRunner(first.hooks(), zone);
        warnIfRingsDoNotFit(first);
        Optional<String> ffmpeg = switch (first.ffmpeg()) {
            case "auto" -> FfmpegProgram.find();
            case "none" -> Optional.empty();
            default -> Optional.of(first.ffmpeg());
        };
        if (ffmpeg.isEmpty()) {
            log.warn("movies are MJPEG in AVI through OpenCV ({}): apt install ffmpeg for H.264 MP4, smaller and "
                    + "playable when cut short", first.ffmpeg().equals("none") ? "ffmpeg: none" : "no ffmpeg on PATH");
        }
        services = new EventServices(store, hooks, first.targetDir(), ffmpeg, zone, this::checkSpace);
        log.info("events: {} (database {})", first.targetDir(), first.database());
        for (CameraConfig camera : first.cameras().values()) {
            startCamera(camera);
        }
        status = new StatusReporter(first.statusInterval(), this::cameras);
        try {
            schedules = ScheduleService.start(new CameraRouting(), this::allSchedules, first.cameras().keySet());
            schedules.every(RETENTION, first.retention().interval(), this::runRetention);
        } catch (org.quartz.SchedulerException e) {
            log.error("schedules: Quartz did not start ({}); cameras run without their schedules", e.getMessage());
        }
        state = State.STARTED;
    }

    /** Retention on the config's budgets; the daemon's store marks what it deleted. */
    private void runRetention() {
        VigilConfig now = config;
        try {
            RetentionRun.run(now.database(), now.targetDir(), now.retention(), false, (deletions, at) ->
                    deletions.forEach(d -> store.fileDeleted(d.file().id(), at, d.reason())));
        } catch (StoreException e) {
            log.warn("retention: {}; it runs again in {}", e.getMessage(),
                    Durations.format(now.retention().interval()));
        }
    }

    /** Before a recorder starts a file: below the minimum free space, retention runs now rather than at its turn. */
    private void checkSpace() {
        VigilConfig now = config;
        ScheduleService running = schedules;
        if (running != null && now.retention().minFree() > 0
                && DiskSpace.freeBytes(now.targetDir()) < now.retention().minFree()) {
            running.runNow(RETENTION);
        }
    }

    /** Every recording camera's frame ring lives in direct memory, which the heap limit also limits unless set. */
    private static void warnIfRingsDoNotFit(VigilConfig config) {
        List<CameraConfig> recording = config.cameras().values().stream().filter(CameraConfig::recordsFrames).toList();
        long rings = recording.stream().mapToLong(camera -> camera.events().preCaptureMemory()).sum();
        String problem = DirectMemory.ringsProblem(rings, config.cameras().size(), DirectMemory.limit());
        if (problem != null) {
            log.error(problem);
        }
    }

    /** The config's schedules and those added with the CLI, for the cameras the config has. */
    private List<Schedule> allSchedules() {
        synchronized (storedLock) {
            return allSchedules(config);
        }
    }

    private List<Schedule> allSchedules(VigilConfig now) {
        List<Schedule> all = new ArrayList<>();
        now.cameras().values().forEach(camera -> all.addAll(camera.schedules()));
        try {
            if (scheduleChanges == null || !scheduleChanges.file().equals(now.database())) {
                if (scheduleChanges != null) {
                    scheduleChanges.close();
                }
                scheduleChanges = new ScheduleChanges(now.database());
            }
            if (scheduleChanges.changed()) {
                storedRows = ScheduleTable.list(now.database());
            }
            StoredSchedules.Read stored = StoredSchedules.of(storedRows, now.cameras().keySet());
            storedSchedules = stored.schedules();
            if (!stored.problems().equals(storedProblems)) {
                stored.problems().forEach(problem -> log.warn("schedules: {}", problem));
                storedProblems = stored.problems();
            }
        } catch (StoreException e) {
            // the stored schedules run on as they were: a locked or briefly unreadable file closes no window
            log.warn("schedules: {}; the schedules added with the CLI stay as last read", e.getMessage());
        }
        all.addAll(storedSchedules);
        return all;
    }

    /** The scheduler's calls, each to the camera's events (a camera not running now has nothing to gate). */
    private final class CameraRouting implements ScheduleTarget {
        private Optional<CameraEvents> events(String camera) {
            CameraPipeline pipeline = routing.get(camera);
            return pipeline == null ? Optional.empty() : pipeline.events();
        }

        @Override
        public void arm(String camera, boolean armed) {
            events(camera).ifPresent(events -> events.arm(armed));
        }

        @Override
        public void recordUntil(String camera, String schedule, Instant until, Duration segmentLength) {
            events(camera).ifPresent(events -> events.recordUntil(schedule, until, segmentLength));
        }

        @Override
        public void recordingClosed(String camera, RecordingEnd reason) {
            events(camera).ifPresent(events -> events.recordingClosed(reason));
        }

        @Override
        public void snapshot(String camera, String schedule) {
            events(camera).ifPresent(events -> events.snapshotDue(schedule));
        }

        @Override
        public void timelapseFrame(String camera, String schedule, Duration every) {
            events(camera).ifPresent(events -> events.timelapseFrame(schedule, every));
        }
    }

    /**
     * Reads the config file again. With any problem in it, every problem is logged and the running config stays;
     * otherwise unchanged cameras run on untouched, cameras whose detector, masks, zones or annotation changed take
     * the change at their next frame, cameras whose device, format or pipes changed restart, and added and removed
     * cameras start and stop.
     *
     * @return whether the new config was taken
     */
    public synchronized boolean reload() {
        ConfigLoader.Result result = loader.check(config.file());
        if (result.config().isEmpty()) {
            log.error("config {} rejected on reload: {} problem{}; the running config stays", config.file(),
                    result.problems().size(), result.problems().size() == 1 ? "" : "s");
            for (ConfigProblem problem : result.problems()) {
                log.error("  {}", problem);
            }
            return false;
        }
        apply(result.config().get());
        return true;
    }

    private void apply(VigilConfig next) {
        List<String> changes = new ArrayList<>();
        List<CameraPipeline> stopping = new ArrayList<>();
        List<CameraConfig> restarting = new ArrayList<>();
        for (CameraPipeline running : cameras.values()) {
            CameraConfig now = running.config();
            CameraConfig wanted = next.cameras().get(running.name());
            if (wanted == null) {
                stopping.add(running);
                changes.add(running.name() + " removed");
            } else if (!wanted.equals(now)) {
                if (now.needsRestartFor(wanted)) {
                    stopping.add(running);
                    restarting.add(wanted);
                    changes.add(running.name() + " restarted");
                } else {
                    running.update(wanted);
                    changes.add(running.name() + " updated");
                }
            }
        }
        stopAll(stopping, Duration.ofSeconds(3));
        stopping.forEach(camera -> cameras.remove(camera.name()));
        restarting.forEach(this::startCamera);
        for (CameraConfig camera : next.cameras().values()) {
            if (!cameras.containsKey(camera.name())) {
                startCamera(camera);
                changes.add(camera.name() + " added");
            }
        }
        // keep the file's order for the status lines
        Map<String, CameraPipeline> ordered = new LinkedHashMap<>();
        next.cameras().keySet().forEach(name -> ordered.put(name, cameras.get(name)));
        cameras.clear();
        cameras.putAll(ordered);
        routing = Map.copyOf(cameras);
        long unchanged = next.cameras().size() - changes.stream().filter(c -> !c.endsWith("removed")).count();
        if (!next.statusInterval().equals(config.statusInterval())) {
            status.close();
            status = new StatusReporter(next.statusInterval(), this::cameras);
            changes.add("status every " + next.statusInterval().toSeconds() + " s");
        }
        if (!next.targetDir().equals(config.targetDir()) || !next.database().equals(config.database())
                || !next.hooks().equals(config.hooks()) || !next.ffmpeg().equals(config.ffmpeg())) {
            log.warn("config {}: target-dir, database, ffmpeg and hooks are read at start: restart vigil to change them",
                    next.file());
        }
        VigilConfig previous = config;
        config = next;
        if (schedules != null) {
            schedules.reload(next.cameras().keySet()); // a restarted camera's new events get their gates again
            if (!next.retention().interval().equals(previous.retention().interval())) {
                try {
                    schedules.every(RETENTION, next.retention().interval(), this::runRetention);
                } catch (org.quartz.SchedulerException e) {
                    log.warn("retention: its new interval was not taken: {}", e.getMessage());
                }
            }
        }
        log.info("config {} reloaded: {}{} unchanged", next.file(), changes.isEmpty() ? "" : String.join(", ", changes) + "; ",
                unchanged);
    }

    private void startCamera(CameraConfig camera) {
        CameraPipeline pipeline = new CameraPipeline(camera, context,
                new CameraEvents(camera.name(), camera.events(), camera.annotation(), services));
        cameras.put(camera.name(), pipeline);
        routing = Map.copyOf(cameras);
        pipeline.start();
    }

    /** Stops the cameras together (each wakes at once) and waits for them, up to the deadline in all. */
    private static void stopAll(List<CameraPipeline> pipelines, Duration deadline) {
        pipelines.forEach(CameraPipeline::stop);
        long end = System.nanoTime() + deadline.toNanos();
        for (CameraPipeline pipeline : pipelines) {
            try {
                if (!pipeline.awaitStopped(Duration.ofNanos(Math.max(1, end - System.nanoTime())))) {
                    log.warn("camera {} did not stop within {} s; going on without it", pipeline.name(), deadline.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops everything in reverse order of starting: the status line, then the cameras (their pipes close with them). */
    public void stop(Duration deadline) {
        List<CameraPipeline> running;
        synchronized (this) {
            if (state == State.STOPPED || state == State.STOPPING) {
                return;
            }
            state = State.STOPPING;
            if (schedules != null) {
                schedules.close();
            }
            if (scheduleChanges != null) {
                scheduleChanges.close();
            }
            if (status != null) {
                status.close();
            }
            running = new ArrayList<>(cameras.values());
        }
        stopAll(running, deadline);
        reopenAttempts.shutdownNow();
        if (hooks != null) {
            hooks.close();
        }
        if (store != null) {
            store.close();
        }
        state = State.STOPPED;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(3));
    }

    /** The status line of one camera now, as the reporter would log it (tests and the CLI read it). */
    public synchronized String statusLine(String camera) {
        return status.line(cameras.get(camera));
    }
}
