package org.vigil.vloop.rig;

import org.vigil.vloop.PipeFormat;

import java.nio.file.Path;
import java.util.List;

/** The independent V4L2 clients the rig reads pipes back with, each writing the raw frames it receives to a file. */
enum Viewer {
    /**
     * v4l2-utils' own streaming test: mmap capture, each buffer's bytesused written out. It asks for all the pipe's
     * buffers: fewer would shrink v4l2loopback's ring for every opener until the module unloads.
     */
    V4L2_CTL {
        @Override
        List<String> command(Path node, PipeFormat format, int width, int height, int frames, Path file) {
            return List.of("v4l2-ctl", "-d", node.toString(), "--stream-mmap=32", "--stream-count=" + frames,
                    "--stream-to=" + file);
        }
    },
    /** libavdevice's v4l2 demuxer, packets copied unchanged into a raw file. */
    FFMPEG {
        @Override
        List<String> command(Path node, PipeFormat format, int width, int height, int frames, Path file) {
            return List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning", "-f", "v4l2",
                    "-input_format", format.ffmpegName(), "-i", node.toString(), "-frames:v", Integer.toString(frames),
                    "-c:v", "copy", "-f", "rawvideo", "-y", file.toString());
        }
    },
    /** GStreamer's v4l2src into a filesink, with caps naming the format and size. */
    GSTREAMER {
        @Override
        List<String> command(Path node, PipeFormat format, int width, int height, int frames, Path file) {
            String caps = "video/x-raw,format=" + switch (format) {
                case YUYV -> "YUY2";
                case YU12 -> "I420";
                case GREY -> "GRAY8";
            } + ",width=" + width + ",height=" + height;
            return List.of("gst-launch-1.0", "-q", "v4l2src", "device=" + node, "num-buffers=" + frames,
                    "io-mode=mmap", "!", caps, "!", "filesink", "location=" + file);
        }
    };

    abstract List<String> command(Path node, PipeFormat format, int width, int height, int frames, Path file);
}
