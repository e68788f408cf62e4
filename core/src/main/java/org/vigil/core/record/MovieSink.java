package org.vigil.core.record;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a movie's frames go, one at a time, on the movie's own thread. */
interface MovieSink extends AutoCloseable {
    /** One frame in the camera's format (tightly packed; for MJPEG one JPEG). */
    void write(ByteBuffer frame, int bytes) throws IOException;

    /**
     * Completes the file.
     *
     * @return null when the file is complete, otherwise what went wrong
     */
    String finish(long timeoutSeconds);

    /** Gives up on an unfinished file (a failure before {@link #finish}); safe after it. */
    @Override
    void close();
}
