package org.vigil.vloop.image;

/**
 * Renders a source picture into a pipe picture of another layout (or the same one), reading the source once and
 * writing the destination in place: no intermediate image, no allocation per frame. Chosen once when a sink opens,
 * the way GStreamer negotiates caps at start and not per buffer.
 */
public interface Conversion extends AutoCloseable {

    void convert(SourceImage source, PipeImage target);

    /** True when the pipe takes the source's bytes as they are: write() mode can then send the source itself. */
    default boolean isCopy() {
        return false;
    }

    /** "BGR -> I420 (cvtColor COLOR_BGR2YUV_I420)", for logs and the benchmark. */
    String describe();

    /** Frees what the conversion owns (constant planes); it must not be used afterwards. */
    @Override
    default void close() {
    }
}
