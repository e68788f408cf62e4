package org.vigil.vloop;

import org.opencv.core.Mat;
import org.vigil.kernel.v4l2.Fault;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.FrameTimeoutException;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.vloop.image.Conversions;
import org.vigil.vloop.image.ImageLayout;
import org.vigil.vloop.image.SourceImage;
import org.vigil.vloop.image.SourceImages;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The pipeline's end that never stalls the camera: {@code accept} publishes a frame into the pipe, or, when the pipe
 * is down, drops and counts it and returns. A failure is reported once to the {@link SinkListener}; the sink then
 * closes the pipe and tries to open it again after a backoff (half a second, doubling to ten). The attempts run on an
 * executor (the daemon shares one among all its sinks), since finding and opening a pipe can take longer than a frame
 * on a slow machine; {@code accept} only picks up the result. Nothing is ever thrown into the pipeline for a device
 * problem, and a write never waits longer than one frame period. Safe to call from one pipeline thread while another
 * reads the counters or closes.
 */
public final class LoopbackSink implements AutoCloseable {

    /** Opens a producer; {@code lastNode} is the node written before the outage (null at first), to rejoin it if it still fits. */
    @FunctionalInterface
    public interface ProducerOpener {
        PipeProducer open(Path lastNode) throws V4l2Exception;
    }

    private final String name;
    private final ProducerOpener opener;
    private final SinkListener listener;
    private final Executor attempts;
    private final ExecutorService ownedAttempts;
    private final AtomicReference<Object> finishedAttempt = new AtomicReference<>();
    private boolean attemptRunning;
    private final SourceImages sources;
    private final LongSupplier clock;
    private final Backoff backoff;
    private PipeProducer producer;
    private Path lastNode;
    private long nextAttemptNanos;
    private long attemptsThisOutage;
    private long droppedThisOutage;
    private String lastReason;
    private boolean stalled;
    private boolean closed;
    private long written;
    private long dropped;
    private long reopenAttempts;
    private long outages;

    /**
     * @param name     what the reports call this sink ("feed pipe", "camera street: feed pipe")
     * @param clock    System::nanoTime, or a test's clock
     * @param attempts where reopen attempts run; null for a daemon thread of the sink's own (closed with it), or
     *                 {@code Runnable::run} to run them inside {@code accept}, as the unit tests do
     */
    public LoopbackSink(String name, ImageLayout source, int width, int height, ProducerOpener opener,
                        LongSupplier clock, Backoff backoff, Executor attempts, SinkListener listener) {
        this.name = name;
        this.opener = opener;
        this.listener = listener;
        this.sources = new SourceImages(source, width, height);
        this.clock = clock;
        this.backoff = backoff;
        this.ownedAttempts = attempts == null ? attemptThread(name) : null;
        this.attempts = attempts == null ? ownedAttempts : attempts;
    }

    /** One daemon thread, started now: creating a thread inside accept() can itself take longer than a frame. */
    private static ExecutorService attemptThread(String name) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "vloop-reopen-" + name);
                    thread.setDaemon(true);
                    return thread;
                });
        executor.prestartCoreThread();
        return executor;
    }

    /** A sink on the pipe the settings choose, reporting as log lines, with a reopen thread of its own. */
    public static LoopbackSink open(String name, PipeSettings settings, ImageLayout source) throws V4l2Exception {
        return open(name, PipeFinder.system(), settings, source);
    }

    public static LoopbackSink open(String name, PipeFinder finder, PipeSettings settings, ImageLayout source)
            throws V4l2Exception {
        return open(name, finder, settings, source, false, null, SinkListener.LOG);
    }

    /**
     * A sink on the pipe the settings choose, for pictures in the source layout. Tries to open the pipe at once: a
     * configuration error (a node that is not a loopback, a size the format or the module cannot take, a format
     * refused outright: {@link Fault#CONFIG}) is thrown; a pipe that is missing, held or failing is reported and
     * retried while frames drop.
     *
     * @param drawnOn  whether frames come with a {@link PipeDecorator} (the annotated feed)
     * @param attempts the executor reopen attempts run on, or null for a thread of the sink's own
     */
    public static LoopbackSink open(String name, PipeFinder finder, PipeSettings settings, ImageLayout source,
                                    boolean drawnOn, Executor attempts, SinkListener listener) throws V4l2Exception {
        return open(name, PipeProducers.loopbacks(finder), settings, source, drawnOn, attempts, listener);
    }

    /** A sink whose producers come from {@code producers}; the rest as above. */
    public static LoopbackSink open(String name, PipeProducers producers, PipeSettings settings, ImageLayout source,
                                    boolean drawnOn, Executor attempts, SinkListener listener) throws V4l2Exception {
        Conversions.between(source, settings.format().layout(), settings.width(), settings.height()).close();
        producers.check(settings);
        ProducerOpener opener = lastNode -> producers.open(settings, source, drawnOn, lastNode);
        LoopbackSink sink = new LoopbackSink(name, source, settings.width(), settings.height(), opener,
                System::nanoTime, Backoff.standard(), attempts, listener);
        try {
            sink.start();
        } catch (V4l2Exception e) {
            sink.close();
            throw e;
        }
        return sink;
    }

    /**
     * The first attempt to open the pipe: an error of {@link Fault#CONFIG} is thrown; any other is reported and
     * retried like an outage.
     */
    public synchronized void start() throws V4l2Exception {
        try {
            producer = opener.open(null);
            lastNode = producer.node();
            listener.up(name, lastNode, producer.describe(), 0, 0);
        } catch (V4l2Exception e) {
            if (e.fault() == Fault.CONFIG) {
                throw e;
            }
            down(e);
        }
    }

    /** A captured frame in the source layout. A damaged frame, or one too short to hold its planes, is dropped and counted. */
    public synchronized void accept(Frame frame) {
        accept(frame, null);
    }

    /** A captured frame, decorated in the pipe's buffer before viewers see it. */
    public synchronized void accept(Frame frame, PipeDecorator decorator) {
        if (!sources.isWhole(frame)) {
            dropped++;
            return;
        }
        deliver(frame, null, null, decorator);
    }

    /** A Mat in the source layout: BGR CV_8UC3 (annotated picture), grey CV_8UC1 (motion image), ... */
    public synchronized void accept(Mat image) {
        deliver(null, image, null, null);
    }

    /** A Mat in the source layout, decorated in the pipe's buffer. */
    public synchronized void accept(Mat image, PipeDecorator decorator) {
        deliver(null, image, null, decorator);
    }

    /** A packed picture in the source layout from the direct buffer's first byte. */
    public synchronized void accept(ByteBuffer image) {
        deliver(null, null, image, null);
    }

    private void deliver(Frame frame, Mat mat, ByteBuffer buffer, PipeDecorator decorator) {
        if (closed) {
            dropped++;
            return;
        }
        // Checked even while the pipe is down: a picture of the wrong shape is the caller's bug, every time.
        SourceImage image = frame != null ? sources.of(frame) : mat != null ? sources.of(mat) : sources.of(buffer);
        if (producer == null && !reopened()) {
            dropped++;
            droppedThisOutage++;
            return;
        }
        try {
            producer.write(image, decorator);
            written++;
            if (stalled) {
                stalled = false;
                listener.resumed(name, producer.node());
            }
        } catch (FrameTimeoutException e) {
            dropped++;
            if (!stalled) {
                stalled = true;
                listener.stalled(name, e.getMessage());
            }
        } catch (V4l2Exception | RuntimeException e) {
            dropped++;
            down(e);
            droppedThisOutage++;
        }
    }

    /** Takes the result of a finished attempt, or starts one when it is due; true once a producer is open. */
    private boolean reopened() {
        collectAttempt();
        if (producer == null && !attemptRunning && clock.getAsLong() - nextAttemptNanos >= 0) {
            attemptRunning = true;
            reopenAttempts++;
            attemptsThisOutage++;
            Path last = lastNode;
            attempts.execute(() -> attempt(last));
            collectAttempt(); // an attempt that ran in place has finished already
        }
        return producer != null;
    }

    /** Runs on the attempts executor: opens a producer and leaves it (or the failure) for the pipeline thread. */
    private void attempt(Path last) {
        Object result;
        try {
            result = opener.open(last);
        } catch (V4l2Exception | RuntimeException e) {
            result = e;
        }
        finishedAttempt.set(result);
        if (result instanceof PipeProducer opened) {
            synchronized (this) {
                if (closed && finishedAttempt.compareAndSet(opened, null)) {
                    opened.close(); // the sink closed while the attempt ran: nobody will take it
                }
            }
        }
    }

    private void collectAttempt() {
        Object result = finishedAttempt.getAndSet(null);
        if (result == null) {
            return;
        }
        attemptRunning = false;
        long now = clock.getAsLong();
        if (result instanceof PipeProducer opened) {
            producer = opened;
            lastNode = producer.node();
            listener.up(name, lastNode, producer.describe(), attemptsThisOutage, droppedThisOutage);
            backoff.reset();
            attemptsThisOutage = 0;
            droppedThisOutage = 0;
            lastReason = null;
            stalled = false;
            return;
        }
        Exception e = (Exception) result;
        long delay = backoff.nextDelayNanos();
        nextAttemptNanos = now + delay;
        String reason = String.valueOf(e.getMessage());
        if (!reason.equals(lastReason)) {
            lastReason = reason;
            listener.stillDown(name, reason, Duration.ofNanos(delay));
        }
    }

    /** Reports the failure once, closes the producer and schedules the first reopen. */
    private void down(Exception e) {
        outages++;
        if (producer != null) {
            lastNode = producer.node();
            producer.close();
            producer = null;
        }
        long delay = backoff.nextDelayNanos();
        nextAttemptNanos = clock.getAsLong() + delay;
        lastReason = String.valueOf(e.getMessage());
        listener.down(name, e instanceof RuntimeException ? e.toString() : lastReason, Duration.ofNanos(delay),
                e instanceof RuntimeException);
    }

    public synchronized SinkCounters counters() {
        return new SinkCounters(written, dropped, reopenAttempts, outages);
    }

    /** Whether frames reach a pipe right now. */
    public synchronized boolean isUp() {
        return producer != null;
    }

    /** Whether the last write timed out (the driver is not taking frames). */
    public synchronized boolean isStalled() {
        return stalled;
    }

    /** The node written to now, or empty while the pipe is down. */
    public synchronized Optional<Path> node() {
        return producer == null ? Optional.empty() : Optional.of(producer.node());
    }

    public String name() {
        return name;
    }

    /** Closes the pipe (viewers then see it end); later frames are dropped. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (producer != null) {
            producer.close();
            producer = null;
        }
        if (finishedAttempt.get() instanceof PipeProducer opened && finishedAttempt.compareAndSet(opened, null)) {
            opened.close();
        }
        if (ownedAttempts != null) {
            ownedAttempts.shutdown();
        }
        sources.close();
        listener.closed(name, new SinkCounters(written, dropped, reopenAttempts, outages));
    }
}
