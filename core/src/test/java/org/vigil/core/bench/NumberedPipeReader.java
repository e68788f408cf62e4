package org.vigil.core.bench;

import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.kernel.v4l2.V4l2Exception;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A viewer of the program's output pipe: waits for the program to attach, then reads every frame (mmap, asking for
 * all the pipe's buffers, so it does not shrink the ring), reads its {@link FrameNumbers number} and keeps, once per
 * number, when it arrived.
 */
final class NumberedPipeReader implements AutoCloseable {
    private final Path node;
    private final long[] arrivedAt = new long[1 << 16];
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long frames;
    private volatile long unreadable;
    private volatile String format = "";

    NumberedPipeReader(Path node) {
        this.node = node;
        this.thread = new Thread(this::run, "reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Frames read with a number. */
    long frames() {
        return frames;
    }

    /** Frames read without a number (not the feed's picture, or the number drawn over). */
    long unreadable() {
        return unreadable;
    }

    /** When the frame with this number first came out of the pipe (System.nanoTime), 0 if it did not. */
    long arrivedAt(int number) {
        return arrivedAt[number & 0xffff];
    }

    String format() {
        return format;
    }

    private void run() {
        while (running) {
            try (V4l2Device device = V4l2Device.open(node);
                 CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults()
                         .withBufferCount(CaptureSettings.MAX_BUFFERS).withTimeout(Duration.ofSeconds(2)))) {
                int width = stream.format().width();
                int fourcc = stream.format().pixelFormat();
                int step = fourcc == FourCC.YUYV ? 2 : 1;
                int rowBytes = stream.format().bytesPerLine() != 0 ? stream.format().bytesPerLine() : width * step;
                format = stream.format().describeRequest();
                while (running) {
                    try (Frame frame = stream.next()) {
                        if (frame == null) {
                            continue;
                        }
                        long now = System.nanoTime();
                        int number = FrameNumbers.read(frame.data(), width, rowBytes, step);
                        if (number < 0) {
                            unreadable++;
                        } else {
                            if (arrivedAt[number] == 0) {
                                arrivedAt[number] = now;
                            }
                            frames++;
                        }
                    }
                }
            } catch (V4l2Exception e) {
                // no producer yet, or the program went away: look again shortly
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
