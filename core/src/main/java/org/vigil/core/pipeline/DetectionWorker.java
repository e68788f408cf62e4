package org.vigil.core.pipeline;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;
import org.vigil.detectors.MotionDetector;
import org.vigil.vloop.LoopbackSink;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a camera's detector on a thread of its own, so that a detector slower than the camera lowers the detection
 * rate and never delays capture or the feed. One slot carries the small grey picture across: the capture thread fills
 * it only while the worker is idle, the worker reads it only while busy, so one picture and an atomic state are the
 * whole handoff, with nothing allocated and no lock taken per frame (a frame due while the worker is busy is counted
 * as skipped instead). The worker owns the detector and the motion pipe, which shows the detector's change picture;
 * each detection goes to the listener (the camera's events), on this thread.
 */
final class DetectionWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DetectionWorker.class);
    private static final int IDLE = 0;
    private static final int READY = 1;
    private static final int BUSY = 2;

    /** What the annotator shows before the first detection. */
    static final Detection STARTING = Detection.without(DetectionState.CALIBRATING, 0, 0, 0);

    private final String camera;
    private final CameraCounters counters;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final Thread thread;
    private final LoopbackSink motionPipe;
    private final int motionWidth;
    private final int motionHeight;
    private Mat motionView;
    private long motionViewData;
    private final Mat slot;
    private long slotTimestamp;
    private MotionDetector detector;
    private volatile MotionDetector replacement;
    private volatile Detection latest = STARTING;
    private volatile boolean running = true;
    private final DetectionListener listener;
    private boolean failureLogged;

    /**
     * @param motionPipe the sink for the change picture (the worker closes it), or null
     * @param motionWidth the motion pipe's size: the detector's input size, rounded down to what the pipe's format takes
     */
    DetectionWorker(String camera, MotionDetector detector, int width, int height, LoopbackSink motionPipe,
                    int motionWidth, int motionHeight, CameraCounters counters, DetectionListener listener) {
        this.camera = camera;
        this.listener = listener;
        this.detector = detector;
        this.motionPipe = motionPipe;
        this.motionWidth = motionWidth;
        this.motionHeight = motionHeight;
        this.counters = counters;
        this.slot = new Mat(height, width, CvType.CV_8UC1);
        this.thread = new Thread(this::work, "vigil-detect-" + camera);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Whether the slot may be filled now (capture thread). */
    boolean isIdle() {
        return state.get() == IDLE;
    }

    /** The picture to fill while {@link #isIdle()} (capture thread). */
    Mat slot() {
        return slot;
    }

    /** Hands the filled slot over (capture thread, after filling it while idle). */
    void submit(long timestampNanos) {
        slotTimestamp = timestampNanos;
        state.set(READY); // publishes the slot and its timestamp to the worker
        LockSupport.unpark(thread);
    }

    /** The newest detection, for the annotator; never null. */
    Detection latest() {
        return latest;
    }

    /** Uses another detector from its next picture on (a reload changed detector, masks or zones). */
    void replace(MotionDetector next) {
        MotionDetector previous = replacement;
        replacement = next;
        if (previous != null) {
            previous.close(); // never used
        }
        LockSupport.unpark(thread);
    }

    private void work() {
        while (running) {
            if (!state.compareAndSet(READY, BUSY)) {
                swapIfReplaced();
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(500));
                continue;
            }
            swapIfReplaced();
            long started = System.nanoTime();
            try {
                Detection detection = detector.detect(slot, slotTimestamp);
                latest = detection;
                listener.detected(detection, slotTimestamp);
                publishChange();
            } catch (RuntimeException e) {
                counters.stageFailures++;
                if (!failureLogged) {
                    failureLogged = true;
                    log.error("camera {}: the detector failed on a frame (the frame goes without detection; further "
                            + "failures are counted, not logged)", camera, e);
                }
            }
            counters.detectionNanos += System.nanoTime() - started;
            counters.detections++;
            state.set(IDLE);
        }
    }

    private void swapIfReplaced() {
        MotionDetector next = replacement;
        if (next != null) {
            replacement = null;
            detector.close();
            detector = next;
            latest = STARTING;
        }
    }

    private void publishChange() {
        if (motionPipe == null) {
            return;
        }
        Optional<Mat> change = detector.changeImage();
        if (change.isEmpty()) {
            return;
        }
        Mat picture = change.get();
        if (picture.cols() == motionWidth && picture.rows() == motionHeight) {
            motionPipe.accept(picture);
        } else if (picture.cols() >= motionWidth && picture.rows() >= motionHeight) {
            // an odd size cut to the pipe's even one: the view is remade only when the detector's picture moves
            if (motionView == null || motionViewData != picture.dataAddr()) {
                if (motionView != null) {
                    motionView.release();
                }
                motionView = picture.submat(0, motionHeight, 0, motionWidth);
                motionViewData = picture.dataAddr();
            }
            motionPipe.accept(motionView);
        }
    }

    /** Stops the thread, then closes the detector and the motion pipe (after the thread, which uses them, is done). */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // a detect() call that does not return: leave its memory alone rather than free it under the thread
            log.warn("camera {}: the detector did not finish its frame within 2 s of stopping; left to finish", camera);
            return;
        }
        if (motionPipe != null) {
            motionPipe.close();
        }
        detector.close();
        MotionDetector unused = replacement;
        if (unused != null) {
            unused.close();
        }
        if (motionView != null) {
            motionView.release();
        }
        slot.release();
    }
}
