package org.vigil.vloop;

import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.vloop.image.PipeImage;

/** Where one pipe's frames go: write() from a staging picture, or the driver's mapped buffers. One thread. */
interface PipeOutput extends AutoCloseable {

    /** The format the driver took, with the image size to write. */
    PixFormat format();

    /** A picture to render the next frame into. */
    PipeImage acquire() throws V4l2Exception;

    /** Hands the picture {@link #acquire()} gave to the driver, which shows it to viewers. */
    void publish(PipeImage rendered) throws V4l2Exception;

    /**
     * Sends a packed picture already in the pipe's layout straight from its own memory, when this output can
     * (write() mode: the kernel's one copy is the only one); false when it cannot and the caller must render.
     */
    boolean publishDirect(long address, int bytes) throws V4l2Exception;

    @Override
    void close();
}
