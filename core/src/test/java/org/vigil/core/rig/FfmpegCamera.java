package org.vigil.core.rig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** ffmpeg playing a clip into a loopback node in real time, as a camera: `ffmpeg -re -i CLIP ... -f v4l2 NODE`. */
final class FfmpegCamera implements AutoCloseable {
    private final Process process;
    private final Path log;

    private FfmpegCamera(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param output ffmpeg's output options before -f v4l2, e.g. {"-pix_fmt", "yuyv422"} or {"-c:v", "mjpeg"}
     */
    static FfmpegCamera start(Path clip, Path node, List<String> output) throws IOException {
        return start(List.of(), clip, node, output);
    }

    /** @param input ffmpeg's options for the clip, e.g. {"-f", "rawvideo", "-pix_fmt", "gray", ...} for raw frames */
    static FfmpegCamera start(List<String> input, Path clip, Path node, List<String> output) throws IOException {
        Path log = Files.createTempFile("vigil-ffmpeg-camera", ".log");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-re", "-stream_loop", "-1"));
        command.addAll(input);
        command.addAll(List.of("-i", clip.toString()));
        command.addAll(output);
        command.addAll(List.of("-f", "v4l2", node.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new FfmpegCamera(process, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(log);
    }
}
