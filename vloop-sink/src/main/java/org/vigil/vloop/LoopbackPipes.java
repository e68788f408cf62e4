package org.vigil.vloop;

import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.vloop.image.ImageLayout;

import java.util.Optional;

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
     * @param feedSource     the layout the pipeline hands over for the annotated picture (YUYV frame, BGR Mat)
     * @param cameraInterval the camera's time per frame, announced unless loopback-fps sets another
     * @param motionWidth    size of the grey difference picture
     */
    public static LoopbackPipes open(PipeFinder finder, LoopbackOptions options, ImageLayout feedSource, int width,
                                     int height, Fraction cameraInterval, int motionWidth, int motionHeight)
            throws V4l2Exception {
        Optional<PipeSettings> feedSettings = options.feedSettings(width, height, cameraInterval);
        Optional<PipeSettings> motionSettings = options.motionSettings(motionWidth, motionHeight, cameraInterval);
        LoopbackSink feed = feedSettings.isEmpty() ? null
                : LoopbackSink.open("loopback", finder, feedSettings.get(), feedSource);
        try {
            LoopbackSink motion = motionSettings.isEmpty() ? null
                    : LoopbackSink.open("motion pipe", finder, motionSettings.get(), ImageLayout.GREY);
            return new LoopbackPipes(feed, motion);
        } catch (V4l2Exception | RuntimeException e) {
            if (feed != null) {
                feed.close();
            }
            throw e;
        }
    }

    public static LoopbackPipes open(LoopbackOptions options, ImageLayout feedSource, int width, int height,
                                     Fraction cameraInterval, int motionWidth, int motionHeight) throws V4l2Exception {
        return open(PipeFinder.system(), options, feedSource, width, height, cameraInterval, motionWidth, motionHeight);
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
