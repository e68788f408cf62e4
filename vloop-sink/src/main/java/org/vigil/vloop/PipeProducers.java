package org.vigil.vloop;

import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.vloop.image.ImageLayout;

import java.nio.file.Path;

/**
 * What a {@link LoopbackSink} opens its producers on: v4l2loopback pipes ({@link #loopbacks}, always, in the daemon),
 * or a benchmark's memory, so that a measured pipeline renders exactly as the daemon's does.
 */
public interface PipeProducers {

    /** Checks the settings before the first open; a configuration error thrown here keeps the sink from starting. */
    void check(PipeSettings settings) throws V4l2Exception;

    /**
     * Opens a producer for pictures in the source layout.
     *
     * @param drawnOn  whether pictures come with a {@link PipeDecorator}
     * @param lastNode the node written before an outage, to rejoin if it still fits; null at first
     */
    PipeProducer open(PipeSettings settings, ImageLayout source, boolean drawnOn, Path lastNode) throws V4l2Exception;

    /** Pipes found by the finder: the one the settings choose, rejoined after an outage when it still takes them. */
    static PipeProducers loopbacks(PipeFinder finder) {
        return new PipeProducers() {
            @Override
            public void check(PipeSettings settings) throws V4l2Exception {
                finder.requireWithinLimits(settings, settings.choice().toString());
            }

            @Override
            public PipeProducer open(PipeSettings settings, ImageLayout source, boolean drawnOn, Path lastNode)
                    throws V4l2Exception {
                if (lastNode != null && !(settings.choice() instanceof PipeChoice.Node)) {
                    try {
                        return LoopbackWriter.open(finder, settings.withChoice(new PipeChoice.Node(lastNode)), source,
                                drawnOn);
                    } catch (V4l2Exception e) {
                        // no longer usable (another producer took it, or it is gone): look for one afresh below
                    }
                }
                return LoopbackWriter.open(finder, settings, source, drawnOn);
            }
        };
    }
}
