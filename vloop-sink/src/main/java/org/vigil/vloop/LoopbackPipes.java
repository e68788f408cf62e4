package org.vigil.vloop;

import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.vloop.image.ImageLayout;

import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A camera's two pipes, as the options ask: the annotated picture, and (like Motion's video_pipe_motion) the motion
 * detector's grey difference picture for tuning. Each is a {@link LoopbackSink} of its own, so either can be down
 * while the other runs. The feed opens first, so with 'any' for both the motion picture takes the next free pipe.
 */
public final class LoopbackPipes implements AutoCloseable {
    private final LoopbackSink feed;
    private final LoopbackSink motion;

    private LoopbackPipes(LoopbackSink feed, LoopbackSink motion) {
        this.feed = feed;
        this.motion = motion;
    }

    /**
     * @param feedSource     the layout the pipeline hands over for the annotated picture (a camera frame, a BGR Mat)
     * @param cameraInterval the camera's time per frame, announced unless the options' fps sets another
     * @param motionWidth    size of the grey difference picture
     */
    public static LoopbackPipes open(PipeFinder finder, LoopbackOptions options, ImageLayout feedSource, int width,
                                     int height, Fraction cameraInterval, int motionWidth, int motionHeight)
            throws V4l2Exception {
        return open(finder, options, feedSource, false, width, height, cameraInterval, motionWidth, motionHeight,
                "", null, SinkListener.LOG);
    }

    public static LoopbackPipes open(LoopbackOptions options, ImageLayout feedSource, int width, int height,
                                     Fraction cameraInterval, int motionWidth, int motionHeight) throws V4l2Exception {
        return open(PipeFinder.system(), options, feedSource, width, height, cameraInterval, motionWidth, motionHeight);
    }

    /**
     * A camera's pipes as the daemon opens them.
     *
     * @param drawnOn  whether feed frames come with a decorator (the annotator)
     * @param camera   the camera's name: the sinks are called "camera NAME: feed pipe" and "camera NAME: motion pipe"
     *                 ("feed pipe" and "motion pipe" for "")
     * @param attempts where reopen attempts run, shared by every sink of the daemon; null for a thread per sink
     */
    public static LoopbackPipes open(PipeFinder finder, LoopbackOptions options, ImageLayout feedSource, boolean drawnOn,
                                     int width, int height, Fraction cameraInterval, int motionWidth, int motionHeight,
                                     String camera, Executor attempts, SinkListener listener) throws V4l2Exception {
        return open(PipeProducers.loopbacks(finder), options, feedSource, drawnOn, width, height, cameraInterval,
                motionWidth, motionHeight, camera, attempts, listener);
    }

    /** The same, on producers of the caller's (a benchmark's memory pipes). */
    public static LoopbackPipes open(PipeProducers producers, LoopbackOptions options, ImageLayout feedSource,
                                     boolean drawnOn, int width, int height, Fraction cameraInterval, int motionWidth,
                                     int motionHeight, String camera, Executor attempts, SinkListener listener)
            throws V4l2Exception {
        Optional<PipeSettings> feedSettings = options.feedSettings(width, height, cameraInterval);
        Optional<PipeSettings> motionSettings = options.motionSettings(motionWidth, motionHeight, cameraInterval);
        String prefix = camera.isEmpty() ? "" : "camera " + camera + ": ";
        LoopbackSink feed = feedSettings.isEmpty() ? null : LoopbackSink.open(prefix + "feed pipe", producers,
                feedSettings.get(), feedSource, drawnOn, attempts, listener);
        try {
            LoopbackSink motion = motionSettings.isEmpty() ? null : LoopbackSink.open(prefix + "motion pipe", producers,
                    motionSettings.get(), ImageLayout.GREY, false, attempts, listener);
            return new LoopbackPipes(feed, motion);
        } catch (V4l2Exception | RuntimeException e) {
            if (feed != null) {
                feed.close();
            }
            throw e;
        }
    }

    /** The annotated picture's sink, unless loopback-pipe is off. */
    public Optional<LoopbackSink> feed() {
        return Optional.ofNullable(feed);
    }

    /** The grey difference picture's sink (accept a CV_8UC1 Mat), unless motion-pipe is off. */
    public Optional<LoopbackSink> motion() {
        return Optional.ofNullable(motion);
    }

    @Override
    public void close() {
        if (motion != null) {
            motion.close();
        }
        if (feed != null) {
            feed.close();
        }
    }
}
