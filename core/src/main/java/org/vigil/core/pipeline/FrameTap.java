package org.vigil.core.pipeline;

import org.vigil.kernel.v4l2.Frame;
import org.vigil.vloop.image.PipeImage;

/**
 * A test's look at each annotated frame as it leaves: the camera's frame and, in the pipe's buffer, the picture made
 * of it with the overlay drawn. Called on the capture thread between drawing and publishing; it must copy what it
 * keeps. The daemon never sets one.
 */
@FunctionalInterface
public interface FrameTap {

    /**
     * @param camera the camera's name
     * @param frame  the camera's frame, still lent out
     * @param drawn  every rectangle the overlay may have changed, {x, y, width, height}; empty when nothing was drawn
     * @param texts  the overlay's labels, top first
     */
    void annotated(String camera, Frame frame, PipeImage picture, java.util.List<int[]> drawn,
                   java.util.List<String> texts);
}
