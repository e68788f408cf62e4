package org.vigil.vloop.image;

import org.opencv.core.Mat;
import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.PixFormat;

import java.nio.ByteBuffer;

/**
 * The {@link SourceImage}s of one input: a camera cycles through a handful of mapped buffers and a drawing stage
 * reuses one Mat, so a few remembered images serve every frame and nothing is allocated per frame once each
 * buffer has been seen. Checks that every picture has the size and layout the sink was opened for.
 */
public final class SourceImages implements AutoCloseable {
    /** Every buffer a capture stream may have (a loopback camera is asked for all of its own), or a few Mats. */
    private static final int REMEMBERED = CaptureSettings.MAX_BUFFERS;

    private final ImageLayout layout;
    private final int width;
    private final int height;
    private final SourceImage[] images = new SourceImage[REMEMBERED];
    private int count;
    private int nextEvicted;

    public SourceImages(ImageLayout layout, int width, int height) {
        layout.requireSize(width, height);
        this.layout = layout;
        this.width = width;
        this.height = height;
    }

    public ImageLayout layout() {
        return layout;
    }

    /** A picture packed tightly from the buffer's first byte. */
    public SourceImage of(ByteBuffer buffer) {
        return of(buffer, layout.packedRowBytes(width));
    }

    public SourceImage of(ByteBuffer buffer, long rowBytes) {
        for (int i = 0; i < count; i++) {
            if (images[i].wraps(buffer, rowBytes)) {
                return images[i];
            }
        }
        return remember(SourceImage.over(buffer, layout, width, height, rowBytes));
    }

    /** A captured frame, which must be in this input's layout and size; its mapped buffer is wrapped in place. */
    public SourceImage of(Frame frame) {
        PixFormat format = frame.format();
        int expected = layout.fourcc();
        if (format.pixelFormat() != expected || format.width() != width || format.height() != height) {
            throw new IllegalArgumentException("this sink takes " + width + "x" + height + " "
                    + (expected == 0 ? layout.description() + " pictures, which no camera delivers" : FourCC.name(expected))
                    + " frames, got a " + format.describeRequest() + " frame");
        }
        return of(frame.data(), rowBytes(frame));
    }

    /** Whether a captured frame holds a whole picture: bytesused covers every plane at the driver's bytesperline. */
    public boolean isWhole(Frame frame) {
        return !frame.isCorrupt() && frame.bytesUsed() >= layout.neededBytes(width, height, rowBytes(frame));
    }

    private long rowBytes(Frame frame) {
        int bytesPerLine = frame.format().bytesPerLine();
        return bytesPerLine == 0 ? layout.packedRowBytes(width) : bytesPerLine;
    }

    /** A caller's Mat: BGR or RGB CV_8UC3, grey CV_8UC1, YUYV or UYVY CV_8UC2, or I420 CV_8UC1 with stacked planes. */
    public SourceImage of(Mat mat) {
        for (int i = 0; i < count; i++) {
            if (images[i].wraps(mat)) {
                return images[i];
            }
        }
        return remember(SourceImage.of(mat, layout, width, height));
    }

    /** Bytes of one frame that a captured frame must hold at least. */
    public int imageBytes() {
        return layout.imageBytes(width, height);
    }

    private SourceImage remember(SourceImage image) {
        int slot;
        if (count < REMEMBERED) {
            slot = count++;
        } else {
            slot = nextEvicted;
            nextEvicted = (nextEvicted + 1) % REMEMBERED;
            images[slot].close();
        }
        images[slot] = image;
        return image;
    }

    @Override
    public void close() {
        for (int i = 0; i < count; i++) {
            images[i].close();
            images[i] = null;
        }
        count = 0;
    }
}
