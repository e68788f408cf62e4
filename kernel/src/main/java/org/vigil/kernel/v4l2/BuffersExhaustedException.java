package org.vigil.kernel.v4l2;

/**
 * The caller holds every buffer of a stream and asks for another frame, which no buffer is left to receive: a bug in
 * the caller (a frame never closed). Reported as an error the capture loop can handle by restarting the stream,
 * rather than an exception that kills the capture thread.
 */
public class BuffersExhaustedException extends V4l2Exception {
    public BuffersExhaustedException(String device, int buffers) {
        super(device, null, 0, "all " + buffers + " buffers are held by the caller, so no frame can arrive",
                "release every frame (try-with-resources on Frame) before asking for the next; report this as a bug",
                Fault.TRANSIENT);
    }
}
