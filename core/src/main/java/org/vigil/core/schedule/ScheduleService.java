package org.vigil.core.schedule;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.store.RecordingEnd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs every schedule on Quartz. A window schedule has one trigger waiting for its next opening; when it fires, the
 * window opens, a trigger for its close is set and the next opening is waited for. An interval schedule (snapshot,
 * timelapse) is one repeating trigger on its multiples, modified by its calendar of exceptions, which fires only
 * while its window (if it has one) is open.
 *
 * <p>What the cameras get is the union of what is open: a camera records while any of its recording windows is open
 * (overlapping windows merge, the recording lasting to the latest end), and its events are armed while any of its
 * detection windows is open (a camera with no detection schedule is always armed). A daemon started inside a window
 * opens it at once for the rest of it; a trigger that fires late (the machine slept) opens what is left of its
 * window, or nothing when the window is over. Quartz keeps nothing on disk: every start works it out afresh.
 */
public final class ScheduleService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);
    private static final String WINDOWS = "windows";
    private static final String INTERVALS = "intervals";
    private static final Duration WATCH_EVERY = Duration.ofSeconds(3);

    private final Scheduler scheduler;
    private final ScheduleTarget target;
    private final Supplier<List<Schedule>> source;
    private final Map<String, Schedule> schedules = new LinkedHashMap<>();
    /** Open windows by camera, then schedule id. */
    private final Map<String, Map<String, Window>> openRecording = new HashMap<>();
    private final Map<String, Map<String, Window>> openDetection = new HashMap<>();
    private final Map<String, Instant> recordingUntil = new HashMap<>();
    private final Map<String, Boolean> armed = new HashMap<>();
    private Set<String> cameras = Set.of();

    private ScheduleService(Scheduler scheduler, ScheduleTarget target, Supplier<List<Schedule>> source) {
        this.scheduler = scheduler;
        this.target = target;
        this.source = source;
    }

    /**
     * Starts Quartz (two worker threads, in memory, no update check) with the schedules {@code source} gives now, and
     * asks it again every few seconds (schedules added with the CLI) and at {@link #reload}.
     */
    public static ScheduleService start(ScheduleTarget target, Supplier<List<Schedule>> source, Set<String> cameras)
            throws SchedulerException {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "vigil");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "vigil-schedule");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        ScheduleService service = new ScheduleService(scheduler, target, source);
        scheduler.getContext().put(ScheduleJobs.SERVICE, service);
        service.cameras = Set.copyOf(cameras);
        service.apply(source.get());
        scheduler.scheduleJob(JobBuilder.newJob(ScheduleJobs.Watch.class).withIdentity("watch", "vigil").build(),
                TriggerBuilder.newTrigger().withIdentity("watch", "vigil").startAt(Date.from(Instant.now()
                        .plus(WATCH_EVERY))).withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(WATCH_EVERY.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build());
        scheduler.start();
        return service;
    }

    /**
     * A job of the daemon's own on Quartz's threads, every {@code interval} from now (retention); a run that would
     * overlap the one before waits for it.
     */
    public void every(String name, Duration interval, Runnable task) throws SchedulerException {
        scheduler.getContext().put("task-" + name, task);
        JobKey key = new JobKey("task-" + name, "vigil");
        scheduler.deleteJob(key);
        scheduler.scheduleJob(JobBuilder.newJob(ScheduleJobs.Task.class).withIdentity(key)
                        .usingJobData(ScheduleJobs.TASK, "task-" + name).storeDurably().build(),
                TriggerBuilder.newTrigger().withIdentity("task-" + name, "vigil").startAt(Date.from(Instant.now()
                        .plus(interval))).withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount()).build());
    }

    /** Runs a job of {@link #every} now, beside its interval (free space fell below the minimum). */
    public void runNow(String name) {
        try {
            scheduler.triggerJob(new JobKey("task-" + name, "vigil"));
        } catch (SchedulerException e) {
            log.warn("schedules: cannot run {} now: {}", name, e.getMessage());
        }
    }

    /** The config was reloaded: its cameras and schedules, with the stored ones, apply from now. */
    public synchronized void reload(Set<String> runningCameras) {
        cameras = Set.copyOf(runningCameras);
        // a camera restarted by the reload has new events, armed and not recording: tell every camera again
        armed.clear();
        recordingUntil.clear();
        apply(source.get());
    }

    /** The schedules in force now, in order (tests, the status). */
    public synchronized List<Schedule> schedules() {
        return List.copyOf(schedules.values());
    }

    /** When a schedule's next window opens, as its trigger on Quartz says (tests). */
    synchronized Optional<Instant> nextOpening(String id) throws SchedulerException {
        Instant first = null;
        for (org.quartz.TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(WINDOWS))) {
            if (key.getName().startsWith("open-" + id + "-")) {
                Instant at = scheduler.getTrigger(key).getNextFireTime().toInstant();
                first = first == null || at.isBefore(first) ? at : first;
            }
        }
        return Optional.ofNullable(first);
    }

    synchronized void watch() {
        List<Schedule> now;
        try {
            now = source.get();
        } catch (RuntimeException e) {
            log.warn("schedules: cannot read the stored schedules: {}; the running ones stay", e.getMessage());
            return;
        }
        if (!now.equals(List.copyOf(schedules.values()))) {
            apply(now);
        }
    }

    /** Takes a new set of schedules: the removed ones close what they had open, the new ones start. */
    private void apply(List<Schedule> wanted) {
        Map<String, Schedule> next = new LinkedHashMap<>();
        wanted.forEach(schedule -> next.put(schedule.id(), schedule));
        List<String> removed = new ArrayList<>();
        for (Schedule old : List.copyOf(schedules.values())) {
            if (!old.equals(next.get(old.id()))) {
                unschedule(old);
                schedules.remove(old.id());
                if (!next.containsKey(old.id())) {
                    removed.add(old.id());
                }
                closeAll(old, RecordingEnd.SCHEDULE_REMOVED);
            }
        }
        List<String> added = new ArrayList<>();
        Instant now = Instant.now();
        for (Schedule schedule : next.values()) {
            if (schedules.containsKey(schedule.id())) {
                continue;
            }
            schedules.put(schedule.id(), schedule);
            added.add(schedule.id() + " (" + schedule.camera() + " " + schedule.describe() + ")");
            try {
                schedule(schedule, now);
            } catch (SchedulerException e) {
                log.error("schedule {}: Quartz refused it: {}", schedule.id(), e.getMessage());
            }
        }
        Set<String> touched = new HashSet<>(cameras);
        next.values().forEach(schedule -> touched.add(schedule.camera()));
        touched.forEach(this::updateArming);
        touched.forEach(camera -> update(camera, ScheduleKind.RECORD, RecordingEnd.WINDOW_END)); // all opened: merged
        if (!added.isEmpty() || !removed.isEmpty()) {
            log.info("schedules: {}{}", added.isEmpty() ? "" : "added " + String.join(", ", added),
                    removed.isEmpty() ? "" : (added.isEmpty() ? "" : "; ") + "removed " + String.join(", ", removed));
        }
    }

    private void schedule(Schedule schedule, Instant now) throws SchedulerException {
        if (schedule.every().isPresent()) {
            scheduleInterval(schedule, now);
            return;
        }
        Optional<Window> open = schedule.openAt(now);
        if (open.isPresent()) {
            log.info("schedule {}: started inside its window ({} to {}): open for the rest of it", schedule.id(),
                    open.get().start(), open.get().end());
            openWindow(schedule, open.get(), false);
            scheduleNextOpening(schedule, open.get().start());
        } else {
            scheduleNextOpening(schedule, now);
        }
    }

    private void scheduleNextOpening(Schedule schedule, Instant after) throws SchedulerException {
        List<Window> next = schedule.nextWindows(after, 1);
        if (next.isEmpty()) {
            log.info("schedule {}: no window to come", schedule.id());
            return;
        }
        Window window = next.get(0);
        scheduler.scheduleJob(windowJob(ScheduleJobs.Open.class, schedule, window, "open"),
                TriggerBuilder.newTrigger().withIdentity("open-" + schedule.id() + "-" + window.start().toEpochMilli(),
                        WINDOWS).startAt(Date.from(window.start()))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build());
    }

    private JobDetail windowJob(Class<? extends org.quartz.Job> type, Schedule schedule, Window window, String what) {
        return JobBuilder.newJob(type).withIdentity(what + "-" + schedule.id() + "-" + window.start().toEpochMilli(),
                        WINDOWS)
                .usingJobData(ScheduleJobs.SCHEDULE, schedule.id()).usingJobData(ScheduleJobs.START,
                        window.start().toEpochMilli()).usingJobData(ScheduleJobs.END, window.end().toEpochMilli())
                .build();
    }

    private void scheduleInterval(Schedule schedule, Instant now) throws SchedulerException {
        String calendar = "exceptions-" + schedule.id();
        scheduler.addCalendar(calendar, schedule.exceptions(), true, true);
        Optional<Instant> first = schedule.nextFiring(now);
        if (first.isEmpty()) {
            log.info("schedule {}: nothing to come", schedule.id());
            return;
        }
        scheduler.scheduleJob(JobBuilder.newJob(ScheduleJobs.Interval.class).withIdentity("every-" + schedule.id(),
                        INTERVALS).usingJobData(ScheduleJobs.SCHEDULE, schedule.id()).build(),
                TriggerBuilder.newTrigger().withIdentity("every-" + schedule.id(), INTERVALS).startAt(Date.from(first.get()))
                        .modifiedByCalendar(calendar)
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withIntervalInMilliseconds(schedule.every().get().toMillis()).repeatForever()
                                .withMisfireHandlingInstructionNextWithRemainingCount())
                        .build());
    }

    private void unschedule(Schedule schedule) {
        try {
            List<JobKey> keys = new ArrayList<>();
            for (String group : List.of(WINDOWS, INTERVALS)) {
                for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
                    String name = key.getName();
                    if (name.equals("every-" + schedule.id()) || name.startsWith("open-" + schedule.id() + "-")
                            || name.startsWith("close-" + schedule.id() + "-")) {
                        keys.add(key);
                    }
                }
            }
            scheduler.deleteJobs(keys);
            scheduler.deleteCalendar("exceptions-" + schedule.id());
        } catch (SchedulerException e) {
            log.warn("schedule {}: could not be taken off Quartz: {}", schedule.id(), e.getMessage());
        }
    }

    // ---- Quartz's threads ----------------------------------------------------------------------------------------

    synchronized void opened(String id, Window window) {
        Schedule schedule = schedules.get(id);
        if (schedule == null) {
            return;
        }
        Instant now = Instant.now();
        try {
            if (window.end().isAfter(now)) {
                openWindow(schedule, window, true);
            } else {
                log.info("schedule {}: the window {} to {} passed while vigil could not run it", id, window.start(),
                        window.end());
            }
            scheduleNextOpening(schedule, window.start().isAfter(now) ? window.start() : now);
        } catch (SchedulerException e) {
            log.error("schedule {}: Quartz refused its next window: {}", id, e.getMessage());
        }
    }

    synchronized void closed(String id, Window window) {
        Schedule schedule = schedules.get(id);
        if (schedule == null) {
            return;
        }
        Map<String, Window> open = (schedule.kind() == ScheduleKind.RECORD ? openRecording : openDetection)
                .getOrDefault(schedule.camera(), Map.of());
        if (window.equals(open.get(id))) {
            open.remove(id);
            update(schedule.camera(), schedule.kind(), RecordingEnd.WINDOW_END);
        }
    }

    synchronized void intervalFired(String id) {
        Schedule schedule = schedules.get(id);
        if (schedule == null || !schedule.activeAt(Instant.now())) {
            return;
        }
        if (schedule.kind() == ScheduleKind.SNAPSHOT) {
            target.snapshot(schedule.camera(), id);
        } else {
            target.timelapseFrame(schedule.camera(), id, schedule.every().orElseThrow());
        }
    }

    // ---- the gates -------------------------------------------------------------------------------------------------

    /** @param tell whether the camera hears of it now, or once every schedule being applied is open */
    private void openWindow(Schedule schedule, Window window, boolean tell) throws SchedulerException {
        Map<String, Map<String, Window>> gates = schedule.kind() == ScheduleKind.RECORD ? openRecording : openDetection;
        gates.computeIfAbsent(schedule.camera(), camera -> new LinkedHashMap<>()).put(schedule.id(), window);
        scheduler.scheduleJob(windowJob(ScheduleJobs.Close.class, schedule, window, "close"),
                TriggerBuilder.newTrigger().withIdentity("close-" + schedule.id() + "-" + window.start().toEpochMilli(),
                        WINDOWS).startAt(Date.from(window.end()))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build());
        if (tell) {
            update(schedule.camera(), schedule.kind(), RecordingEnd.WINDOW_END);
        }
    }

    private void closeAll(Schedule schedule, RecordingEnd reason) {
        Map<String, Map<String, Window>> gates = schedule.kind() == ScheduleKind.RECORD ? openRecording : openDetection;
        Map<String, Window> open = gates.get(schedule.camera());
        if (open != null && open.remove(schedule.id()) != null) {
            update(schedule.camera(), schedule.kind(), reason);
        }
    }

    private void update(String camera, ScheduleKind kind, RecordingEnd reason) {
        if (kind == ScheduleKind.DETECT) {
            updateArming(camera);
            return;
        }
        Map<String, Window> open = openRecording.getOrDefault(camera, Map.of());
        Instant until = open.values().stream().map(Window::end).max(Instant::compareTo).orElse(null);
        Instant before = recordingUntil.get(camera);
        if (until == null) {
            if (before != null) {
                recordingUntil.remove(camera);
                target.recordingClosed(camera, reason);
            }
            return;
        }
        if (!until.equals(before)) {
            recordingUntil.put(camera, until);
            String first = open.keySet().iterator().next();
            target.recordUntil(camera, first, until, schedules.get(first).segmentLength());
        }
    }

    private void updateArming(String camera) {
        boolean hasDetection = schedules.values().stream()
                .anyMatch(s -> s.camera().equals(camera) && s.kind() == ScheduleKind.DETECT);
        boolean on = !hasDetection || !openDetection.getOrDefault(camera, Map.of()).isEmpty();
        Boolean before = armed.put(camera, on);
        if (before == null ? !on : before != on) {
            target.arm(camera, on);
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            log.warn("schedules: Quartz did not shut down cleanly: {}", e.getMessage());
        }
    }
}
