package org.vigil.core.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.pipeline.CameraCounters;
import org.vigil.core.pipeline.CameraPipeline;
import org.vigil.vloop.LoopbackSink;
import org.vigil.vloop.SinkCounters;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every status-interval, one line per camera: what came in and went out since the last line, the detection rate and
 * its cost, what was dropped and where, and the pipes' state. Runs on a thread of its own and only reads counters.
 */
final class StatusReporter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusReporter.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigil-status");
        thread.setDaemon(true);
        return thread;
    });
    private final Supplier<Iterable<CameraPipeline>> cameras;
    private final Map<CameraPipeline, Previous> previous = new HashMap<>();
    private final long intervalNanos;

    private record Previous(long atNanos, CameraCounters.Snapshot counters, long written, long dropped) {
    }

    StatusReporter(Duration interval, Supplier<Iterable<CameraPipeline>> cameras) {
        this.cameras = cameras;
        this.intervalNanos = interval.toNanos();
        timer.scheduleAtFixedRate(this::report, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }

    private synchronized void report() {
        try {
            java.util.Set<CameraPipeline> running = new java.util.HashSet<>();
            for (CameraPipeline camera : cameras.get()) {
                running.add(camera);
                log.info(line(camera));
            }
            previous.keySet().retainAll(running); // forget the cameras a reload stopped or restarted
        } catch (RuntimeException e) {
            log.error("status line failed", e);
        }
    }

    /** The status line of one camera, measured from the previous line (or from its start). */
    synchronized String line(CameraPipeline camera) {
        long now = System.nanoTime();
        CameraCounters.Snapshot counters = camera.counters().snapshot();
        Optional<CameraPipeline.SessionView> session = camera.session();
        SinkCounters feed = session.flatMap(CameraPipeline.SessionView::feed).map(LoopbackSink::counters)
                .orElse(new SinkCounters(0, 0, 0, 0));
        Previous before = previous.getOrDefault(camera, new Previous(now - intervalNanos,
                new CameraCounters.Snapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0, 0));
        previous.put(camera, new Previous(now, counters, feed.written(), feed.dropped()));
        double seconds = Math.max(1e-3, (now - before.atNanos()) / 1e9);
        long in = counters.framesIn() - before.counters().framesIn();
        long detections = counters.detections() - before.counters().detections();
        long detectionNanos = counters.detectionNanos() - before.counters().detectionNanos();
        long written = Math.max(0, feed.written() - before.written());
        long pipeDropped = Math.max(0, feed.dropped() - before.dropped());
        StringBuilder line = new StringBuilder("camera ").append(camera.name()).append(": ");
        if (session.isEmpty()) {
            line.append(camera.state() == CameraPipeline.State.STARTING ? "starting (opening the device)"
                    : camera.state().name().toLowerCase(Locale.ROOT));
            if (camera.problem() != null) {
                line.append(": ").append(camera.problem());
            }
            return line.toString();
        }
        CameraPipeline.SessionView view = session.get();
        long fed = counters.fedFrames() - before.counters().fedFrames();
        long latency = counters.feedLatencyNanos() - before.counters().feedLatencyNanos();
        line.append("streaming ").append(view.node()).append(' ').append(view.format().describe())
                .append(String.format(Locale.ROOT, "; last %.0f s: %d frames in (%.1f/s), %d to the pipe", seconds, in,
                        in / seconds, written));
        if (fed > 0) {
            line.append(String.format(Locale.ROOT, " (%.1f ms after capture)", latency / 1e6 / fed));
        }
        line.append(String.format(Locale.ROOT, ", detection %.1f/s", detections / seconds));
        if (detections > 0) {
            line.append(String.format(Locale.ROOT, " at %.1f ms", detectionNanos / 1e6 / detections));
        }
        line.append(" (").append(counters.detectionSkipped() - before.counters().detectionSkipped()).append(" skipped)")
                .append("; dropped: capture ").append(counters.captureDropped() - before.counters().captureDropped())
                .append(", damaged ").append(counters.corrupt() - before.counters().corrupt())
                .append(", pipe ").append(pipeDropped);
        long failures = counters.stageFailures() - before.counters().stageFailures();
        if (failures > 0) {
            line.append(", stage failures ").append(failures);
        }
        line.append("; ").append(pipeState("pipe", view.feed())).append(view.motion().isPresent()
                ? ", " + pipeState("motion pipe", view.motion()) : "");
        return line.toString();
    }

    private static String pipeState(String what, Optional<LoopbackSink> sink) {
        if (sink.isEmpty()) {
            return what + " off";
        }
        LoopbackSink open = sink.get();
        return what + " " + open.node().map(node -> node + (open.isStalled() ? " stalled" : " up")).orElse("down");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
