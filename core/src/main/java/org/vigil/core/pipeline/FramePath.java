package org.vigil.core.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.events.CameraEvents;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.vloop.LoopbackSink;

import java.util.Locale;

/**
 * The work one frame gets on the capture thread, for one open session (the flow is drawn on {@link CameraPipeline}):
 * count it and the driver's sequence gaps; when detection is due and the detector idle, the shrunk luma into the
 * worker's slot; a copy for the events when they keep frames; the feed. Nothing here logs per frame, touches a disk
 * or allocates in steady state; a stage that throws (a bug) is logged once per camera with its name, and the frame
 * is dropped there. The caller releases the frame.
 */
final class FramePath {
    private static final Logger log = LoggerFactory.getLogger(FramePath.class);

    /** The stages of the path, for counting and reporting a failure where it happened. */
    enum Stage { LUMA, FEED, RECORD }

    private final String camera;
    private final CameraSession session;
    private final CameraCounters counters;
    private final CameraEvents events;
    private final FrameCopies copies;
    private final boolean[] failureLogged;
    private long detectionIntervalNanos;
    private long nextDetectionNanos = Long.MIN_VALUE;
    private long lastSequence;
    private int sequenceFrames;

    /**
     * @param events        the camera's events, or null
     * @param failureLogged one flag per {@link Stage}, kept by the camera across its sessions
     */
    FramePath(String camera, CameraSession session, CameraCounters counters, CameraEvents events,
              boolean[] failureLogged, double detectionFps) {
        this.camera = camera;
        this.session = session;
        this.counters = counters;
        this.events = events;
        this.copies = session.recording();
        this.failureLogged = failureLogged;
        detectionRate(detectionFps);
    }

    /** A new detection rate, from the next frame on (0: every frame). */
    void detectionRate(double fps) {
        detectionIntervalNanos = fps == 0 ? 0 : Math.round(1e9 / fps);
    }

    void process(Frame frame) {
        counters.framesIn++;
        if (frame.isCorrupt()) {
            counters.corrupt++;
            return;
        }
        long sequence = frame.sequence();
        // vivid stamps the first two frames of a stream alike now and then: count gaps from the third on
        if (sequenceFrames >= 2 && sequence > lastSequence + 1) {
            counters.captureDropped += sequence - lastSequence - 1;
        }
        lastSequence = sequence;
        sequenceFrames++;
        long timestamp = frame.timestampNanos();
        if (events != null) {
            events.frameTaken(timestamp);
        }
        boolean detected = timestamp >= nextDetectionNanos && offerToDetector(frame, timestamp);
        if (events != null && copies != null && (detected || events.wantsEveryFrame())) {
            try {
                events.keep(frame.data(), frame.bytesUsed(), timestamp, copies.rows(), copies.rowBytes(), copies.stride());
            } catch (RuntimeException e) {
                failed(Stage.RECORD, e);
            }
        }
        LoopbackSink feed = session.feedSink();
        if (feed != null) {
            try {
                session.sendToFeed(feed, frame);
                // vivid stamps a frame with the time it was due, which can be a few ms ahead of its delivery
                counters.fed(Math.max(0, System.nanoTime() - timestamp));
            } catch (RuntimeException e) {
                failed(Stage.FEED, e);
            }
        }
    }

    /** The frame's shrunk luma to the detector, if it is idle; true when handed over. */
    private boolean offerToDetector(Frame frame, long timestamp) {
        DetectionWorker worker = session.worker();
        if (!worker.isIdle()) {
            counters.detectionSkipped++;
            return false;
        }
        try {
            session.luma().extract(frame, worker.slot());
            if (session.lumaPrivacy() != null) {
                session.lumaPrivacy().blank(worker.slot());
            }
            worker.submit(timestamp);
            counters.detectionsOffered++;
            nextDetectionNanos = nextDetectionNanos == Long.MIN_VALUE || timestamp - nextDetectionNanos > detectionIntervalNanos
                    ? timestamp + detectionIntervalNanos : nextDetectionNanos + detectionIntervalNanos;
            return true;
        } catch (RuntimeException e) {
            failed(Stage.LUMA, e);
            return false;
        }
    }

    private void failed(Stage stage, RuntimeException e) {
        counters.stageFailures++;
        if (!failureLogged[stage.ordinal()]) {
            failureLogged[stage.ordinal()] = true;
            log.error("camera {}: the {} stage failed on frame {}; the frame is dropped there (later failures are counted "
                    + "in the status line, not logged)", camera, stage.name().toLowerCase(Locale.ROOT), counters.framesIn, e);
        }
    }
}
