package org.vigil.core.rig;

import org.vigil.core.pipeline.FrameTap;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.vloop.image.PipeImage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps copies of annotated frames, per camera, while recording is on: the camera's frame, the pipe's picture and
 * the overlay's regions. Off, it costs the capture thread one volatile read and allocates nothing.
 */
final class TapRecorder implements FrameTap {
    /** One annotated frame as it left. */
    record Shot(long sequence, long timestampNanos, PixFormat format, byte[] camera, byte[] picture, List<int[]> drawn) {
    }

    private final Map<String, List<Shot>> shots = new ConcurrentHashMap<>();
    private volatile boolean recording;
    private volatile int limit = 60;

    @Override
    public void annotated(String camera, Frame frame, PipeImage picture, List<int[]> drawn) {
        if (!recording) {
            return;
        }
        List<Shot> list = shots.computeIfAbsent(camera, name -> new CopyOnWriteArrayList<>());
        if (list.size() >= limit) {
            return;
        }
        list.add(new Shot(frame.sequence(), frame.timestampNanos(), frame.format(), bytes(frame.data(), frame.bytesUsed()),
                bytes(picture.buffer(), picture.layout().imageBytes(picture.width(), picture.height())), List.copyOf(drawn)));
    }

    private static byte[] bytes(ByteBuffer buffer, int count) {
        byte[] copy = new byte[count];
        buffer.duplicate().clear().get(copy, 0, count);
        return copy;
    }

    /** Starts keeping up to {@code frames} shots of each camera, forgetting earlier ones. */
    void record(int frames) {
        shots.clear();
        limit = frames;
        recording = true;
    }

    void stop() {
        recording = false;
    }

    List<Shot> shots(String camera) {
        return new ArrayList<>(shots.getOrDefault(camera, List.of()));
    }

    /** Waits for {@code count} shots of a camera. */
    List<Shot> await(String camera, int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (shots(camera).size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(camera + ": " + shots(camera).size() + " annotated frames in " + timeoutMillis
                        + " ms, wanted " + count);
            }
            Thread.sleep(20);
        }
        return shots(camera);
    }
}
