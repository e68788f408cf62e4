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
 * the overlay's regions (or only the picture's digest and the regions, where a test keeps many: the rig's JVM has
 * half a gigabyte). Off, it costs the capture thread one volatile read and allocates nothing.
 */
final class TapRecorder implements FrameTap {
    /**
     * One annotated frame as it left.
     *
     * @param camera  the camera's bytes, or null when only digests are kept
     * @param picture the pipe's picture, or null when only digests are kept
     * @param digest  the picture's SHA-256, or null when only regions are kept
     */
    record Shot(long sequence, long timestampNanos, PixFormat format, byte[] camera, byte[] picture, String digest,
                List<int[]> drawn, List<String> texts) {
    }

    private final Map<String, List<Shot>> shots = new ConcurrentHashMap<>();
    /** What a shot keeps. */
    private enum Keep { BYTES, DIGESTS, REGIONS }

    private volatile boolean recording;
    private volatile Keep keep = Keep.BYTES;
    private volatile int limit = 60;

    @Override
    public void annotated(String camera, Frame frame, PipeImage picture, List<int[]> drawn, List<String> texts) {
        if (!recording) {
            return;
        }
        List<Shot> list = shots.computeIfAbsent(camera, name -> new CopyOnWriteArrayList<>());
        if (list.size() >= limit) {
            return;
        }
        byte[] image = keep == Keep.REGIONS ? null
                : bytes(picture.buffer(), picture.layout().imageBytes(picture.width(), picture.height()));
        String digest = image == null ? null : java.util.Arrays.toString(Yuyv.digest(image));
        byte[] cameraBytes = keep == Keep.BYTES ? bytes(frame.data(), frame.bytesUsed()) : null;
        list.add(new Shot(frame.sequence(), frame.timestampNanos(), frame.format(), cameraBytes,
                keep == Keep.BYTES ? image : null, digest, List.copyOf(drawn), texts));
    }

    private static byte[] bytes(ByteBuffer buffer, int count) {
        byte[] copy = new byte[count];
        buffer.duplicate().clear().get(copy, 0, count);
        return copy;
    }

    /** Starts keeping up to {@code frames} shots of each camera with their bytes, forgetting earlier ones. */
    void record(int frames) {
        start(frames, Keep.BYTES);
    }

    /** The same, keeping only each picture's digest and the overlay's regions. */
    void recordDigests(int frames) {
        start(frames, Keep.DIGESTS);
    }

    /** The same, keeping only the overlay's regions: the cheapest for the capture thread. */
    void recordRegions(int frames) {
        start(frames, Keep.REGIONS);
    }

    private void start(int frames, Keep what) {
        recording = false;
        shots.clear();
        limit = frames;
        keep = what;
        recording = true;
    }

    void stop() {
        recording = false;
    }

    /** Stops and lets go of every shot. */
    void clear() {
        recording = false;
        shots.clear();
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
