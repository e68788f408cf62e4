package org.vigil.vloop;

import org.vigil.kernel.v4l2.MmapOutputStream;
import org.vigil.kernel.v4l2.OutputBuffer;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.vloop.image.PipeImage;

/**
 * Zero-copy output: each frame is copied or converted straight into a mapped driver buffer, then queued. The
 * pictures over the driver's buffers are made once per buffer.
 */
final class MmapOutput implements PipeOutput {
    /**
     * As many as V4L2 allows: v4l2loopback grants its max_buffers (2 by default), and a smaller request would shrink
     * the ring for every viewer, leaving a slow one less time before its frame is overwritten.
     */
    private static final int BUFFERS = 32;

    private final MmapOutputStream stream;
    private final PipeSettings settings;
    private final PipeImage[] images;
    private OutputBuffer lent;

    private MmapOutput(MmapOutputStream stream, PipeSettings settings) {
        this.stream = stream;
        this.settings = settings;
        this.images = new PipeImage[stream.bufferCount()];
    }

    /** S_PARM, S_FMT, REQBUFS, mmap and STREAMON. */
    static MmapOutput open(V4l2Device device, PipeSettings settings) throws V4l2Exception {
        MmapOutputStream stream = MmapOutputStream.open(device, settings.request(), settings.interval(), BUFFERS,
                settings.framePeriod());
        try {
            LoopbackWriter.requirePacked(device, stream.format(), settings);
            return new MmapOutput(stream, settings);
        } catch (V4l2Exception | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    @Override
    public PixFormat format() {
        return stream.format();
    }

    @Override
    public PipeImage acquire() throws V4l2Exception {
        lent = stream.acquire();
        int index = lent.index();
        if (images[index] == null) {
            images[index] = PipeImage.over(lent.data(), settings.format().layout(), settings.width(), settings.height());
        }
        return images[index];
    }

    @Override
    public void publish(PipeImage rendered) throws V4l2Exception {
        OutputBuffer buffer = lent;
        lent = null;
        stream.submit(buffer);
    }

    @Override
    public boolean publishDirect(long address, int bytes) {
        return false;
    }

    @Override
    public void close() {
        // The headers go first: they point into mappings that closing the stream undoes.
        for (PipeImage image : images) {
            if (image != null) {
                image.close();
            }
        }
        stream.close();
    }
}
