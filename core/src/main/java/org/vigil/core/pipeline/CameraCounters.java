package org.vigil.core.pipeline;

/**
 * What one camera's pipeline has done, for the status line and the tests. Each field has one writer (the capture
 * thread, or the detection thread for the detection figures) and is read by the status reporter: plain volatile
 * longs, so counting allocates nothing and costs no lock.
 */
public final class CameraCounters {
    /** Frames taken from the camera. */
    volatile long framesIn;
    /** Frames the camera's driver dropped: gaps in its sequence numbers. */
    volatile long captureDropped;
    /** Damaged frames (V4L2_BUF_FLAG_ERROR, or too short to hold a picture), not passed on. */
    volatile long corrupt;
    /** Frames due for detection that found the detector still busy with an earlier one. */
    volatile long detectionSkipped;
    /** Frames handed to the detector. */
    volatile long detectionsOffered;
    /** Detections done, and the nanoseconds they took in all. */
    volatile long detections;
    volatile long detectionNanos;
    /** A stage failed on a frame (a bug): the frame was dropped there. */
    volatile long stageFailures;
    /**
     * Frames handed to the feed, and from each one's capture timestamp to the moment the feed was done with it: the
     * sum and the longest, in nanoseconds (the latency a viewer of the pipe sees, less the driver's and its own).
     */
    volatile long fedFrames;
    volatile long feedLatencyNanos;
    volatile long feedLatencyMaxNanos;
    /** Times the stream was opened, and lost. */
    volatile long opens;
    volatile long losses;

    public long framesIn() {
        return framesIn;
    }

    public long captureDropped() {
        return captureDropped;
    }

    public long corrupt() {
        return corrupt;
    }

    public long detectionSkipped() {
        return detectionSkipped;
    }

    public long detectionsOffered() {
        return detectionsOffered;
    }

    public long detections() {
        return detections;
    }

    public long detectionNanos() {
        return detectionNanos;
    }

    public long stageFailures() {
        return stageFailures;
    }

    /** Counts a frame the feed took, {@code latencyNanos} after its capture timestamp (capture thread). */
    void fed(long latencyNanos) {
        fedFrames++;
        feedLatencyNanos += latencyNanos;
        if (latencyNanos > feedLatencyMaxNanos) {
            feedLatencyMaxNanos = latencyNanos;
        }
    }

    public long fedFrames() {
        return fedFrames;
    }

    public long feedLatencyNanos() {
        return feedLatencyNanos;
    }

    public long feedLatencyMaxNanos() {
        return feedLatencyMaxNanos;
    }

    public long opens() {
        return opens;
    }

    public long losses() {
        return losses;
    }

    /** A copy of the figures at one moment, for differences between two status lines. */
    public Snapshot snapshot() {
        return new Snapshot(framesIn, captureDropped, corrupt, detectionSkipped, detectionsOffered, detections,
                detectionNanos, stageFailures, fedFrames, feedLatencyNanos, opens, losses);
    }

    /** The counters at one moment. */
    public record Snapshot(long framesIn, long captureDropped, long corrupt, long detectionSkipped,
                           long detectionsOffered, long detections, long detectionNanos, long stageFailures,
                           long fedFrames, long feedLatencyNanos, long opens, long losses) {
    }
}
