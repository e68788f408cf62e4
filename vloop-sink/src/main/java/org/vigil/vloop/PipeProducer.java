package org.vigil.vloop;

import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.vloop.image.SourceImage;

import java.nio.file.Path;

/** An open producer on one pipe, as {@link LoopbackSink} uses it: {@link LoopbackWriter}, or a fake in unit tests. */
public interface PipeProducer extends AutoCloseable {

    /** Publishes one picture; throws when the pipe fails (the sink then closes this producer and reopens later). */
    void write(SourceImage image) throws V4l2Exception;

    /** Publishes one picture, decorated once it is in the pipe's buffer; a null decorator draws nothing. */
    void write(SourceImage image, PipeDecorator decorator) throws V4l2Exception;

    /** What this producer produces, for the log: node, size, format, rate, mode, conversion. */
    String describe();

    /** The node written to. */
    Path node();

    @Override
    void close();
}
