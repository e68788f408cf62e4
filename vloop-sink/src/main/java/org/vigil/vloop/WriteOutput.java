package org.vigil.vloop;

import org.vigil.kernel.v4l2.FrameWriter;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.vloop.image.PipeImage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One-copy output: one write() per frame. A source already in the pipe's layout is written from its own memory;
 * a conversion renders into one reused staging buffer first.
 */
final class WriteOutput implements PipeOutput {
    private final FrameWriter writer;
    private final PipeImage staging;
    private final int frameBytes;
    private final boolean imageIsFrame;

    private WriteOutput(FrameWriter writer, PipeImage staging, int imageBytes) {
        this.writer = writer;
        this.staging = staging;
        this.frameBytes = writer.format().sizeImage();
        this.imageIsFrame = frameBytes == imageBytes;
    }

    /** S_PARM, S_FMT and STREAMON (v4l2loopback 0.12.7 keeps its output capability only for producers that stream on). */
    static WriteOutput open(V4l2Device device, PipeSettings settings) throws V4l2Exception {
        FrameWriter writer = FrameWriter.open(device, settings.request(), settings.interval(), settings.framePeriod(), true);
        try {
            PixFormat format = LoopbackWriter.requirePacked(device, writer.format(), settings);
            // The staging buffer is a whole frame as the driver counts it, so write() always sends what it expects.
            ByteBuffer buffer = ByteBuffer.allocateDirect(format.sizeImage()).order(ByteOrder.nativeOrder());
            return new WriteOutput(writer, PipeImage.over(buffer, settings.format().layout(), settings.width(),
                    settings.height()), settings.imageBytes());
        } catch (V4l2Exception | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    @Override
    public PixFormat format() {
        return writer.format();
    }

    @Override
    public PipeImage acquire() {
        return staging;
    }

    @Override
    public void publish(PipeImage rendered) throws V4l2Exception {
        writer.write(rendered.address(), frameBytes);
    }

    @Override
    public boolean publishDirect(long address, int bytes) throws V4l2Exception {
        if (!imageIsFrame || bytes != frameBytes) {
            return false;
        }
        writer.write(address, bytes);
        return true;
    }

    @Override
    public void close() {
        writer.close();
        staging.close();
    }
}
