package org.vigil.core.rig;

import org.vigil.kernel.testing.ExternalCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real V4L2 clients reading a pipe: what they saved, split into frames. They save into the guest's /run, a tmpfs: its
 * /tmp is an overlay on the host's over 9p, slow enough under load that a viewer still writing one frame out found
 * the next ones overwritten in v4l2loopback's shared ring (a torn frame once in a CI run).
 */
final class Viewers {
    private static final Path FAST = Path.of("/run");

    private Viewers() {
    }

    private static Path file(String prefix) throws java.io.IOException {
        return Files.isDirectory(FAST) && Files.isWritable(FAST) ? Files.createTempFile(FAST, prefix, ".raw")
                : Files.createTempFile(prefix, ".raw");
    }

    /**
     * {@code v4l2-ctl --stream-mmap}: each buffer's bytesused as it came. It asks for all the pipe's buffers: its
     * default request (four) would shrink v4l2loopback's ring for every opener until the module unloads, leaving a
     * viewer a frame period or two before the daemon overwrites the frame it is copying (2 of 12 overwritten frames
     * in three CI runs once the event threads also wanted the guest's CPUs).
     */
    static List<byte[]> v4l2ctl(Path node, int frames, int frameBytes) throws Exception {
        Path file = file("vigil-v4l2ctl");
        try {
            ExternalCommand.run(List.of("v4l2-ctl", "-d", node.toString(), "--stream-mmap=32", "--stream-count=" + frames,
                    "--stream-to=" + file), 120);
            return split(Files.readAllBytes(file), frameBytes, "v4l2-ctl");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** ffmpeg's v4l2 input, packets copied unchanged. */
    static List<byte[]> ffmpeg(Path node, String pixFmt, int width, int height, int frames, int frameBytes) throws Exception {
        Path file = file("vigil-ffmpeg");
        try {
            ExternalCommand.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "v4l2", "-input_format", pixFmt,
                    "-video_size", width + "x" + height, "-i", node.toString(), "-frames:v", Integer.toString(frames),
                    "-c:v", "copy", "-f", "rawvideo", file.toString()), 120);
            return split(Files.readAllBytes(file), frameBytes, "ffmpeg");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<byte[]> split(byte[] data, int frameBytes, String client) {
        if (data.length == 0 || data.length % frameBytes != 0) {
            throw new AssertionError(client + " saved " + data.length + " bytes, not whole frames of " + frameBytes);
        }
        List<byte[]> frames = new ArrayList<>();
        for (int at = 0; at < data.length; at += frameBytes) {
            byte[] frame = new byte[frameBytes];
            System.arraycopy(data, at, frame, 0, frameBytes);
            frames.add(frame);
        }
        return frames;
    }
}
