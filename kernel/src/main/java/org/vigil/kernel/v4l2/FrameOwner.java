package org.vigil.kernel.v4l2;

/** What a {@link Frame} goes back to: the capture stream that lent it. */
interface FrameOwner {

    /** Gives the frame's buffer back to the driver. */
    void release(Frame frame) throws V4l2Exception;

    /**
     * A release from {@link Frame#close()} failed (the device went away mid-stream): keep the error for the next
     * {@code next()}, which reports it on the capture thread instead of the closer's.
     */
    void releaseFailed(V4l2Exception failure);
}
