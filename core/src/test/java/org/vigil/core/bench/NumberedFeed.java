package org.vigil.core.bench;

import org.vigil.kernel.v4l2.Fraction;
import org.vigil.vloop.LoopbackWriter;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeChoice;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.PipeSettings;
import org.vigil.vloop.image.ImageLayout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * The camera of the side-by-side run: raw YUYV footage read from a file (looped), each frame numbered
 * ({@link FrameNumbers}) and written into a v4l2loopback node at a fixed rate, the time of each write kept by number.
 */
final class NumberedFeed implements AutoCloseable {
    private final Path node;
    private final Path footage;
    private final int width;
    private final int height;
    private final int fps;
    private final long[] fedAt = new long[1 << 16];
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long count;
    private volatile Exception failure;

    NumberedFeed(Path node, Path footage, int width, int height, int fps) {
        this.node = node;
        this.footage = footage;
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.thread = new Thread(this::run, "feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Frames written so far. */
    long count() {
        return count;
    }

    /** When frame {@code number} (modulo 2^16) was written, System.nanoTime. */
    long fedAt(int number) {
        return fedAt[number & 0xffff];
    }

    Exception failure() {
        return failure;
    }

    private void run() {
        PipeSettings settings = new PipeSettings(new PipeChoice.Node(node), OutputMode.WRITE, PipeFormat.YUYV, width,
                height, Fraction.perSecond(fps));
        int bytes = 2 * width * height;
        ByteBuffer frame = ByteBuffer.allocateDirect(bytes);
        try (LoopbackWriter writer = LoopbackWriter.open(settings, ImageLayout.YUYV);
             FileChannel file = FileChannel.open(footage, StandardOpenOption.READ)) {
            long frames = file.size() / bytes;
            long period = 1_000_000_000L / fps;
            long next = System.nanoTime();
            for (long n = 0; running; n++) {
                frame.clear();
                file.read(frame, (n % frames) * bytes);
                FrameNumbers.stampYuyv(frame, width, (int) n);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                fedAt[(int) (n & 0xffff)] = System.nanoTime();
                frame.position(0);
                writer.write(frame);
                count = n + 1;
                next += period;
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
