package org.vigil.vloop.rig;

import org.vigil.vloop.LoopbackModule;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another program writing into a pipe, the way a user's own ffmpeg would: a test pattern in YUYV through ffmpeg's
 * v4l2 output (write() without STREAMON). Started in the background; ready once sysfs shows the format it fixed.
 */
final class ExternalProducer implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final Path node;
    private boolean closed;

    private ExternalProducer(Process process, Path log, Path node) {
        this.process = process;
        this.log = log;
        this.node = node;
    }

    static ExternalProducer ffmpeg(Path node, int width, int height) throws IOException, InterruptedException {
        Path log = Files.createTempFile("vigil-producer", ".log");
        Process process = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=10", "-pix_fmt", "yuyv422",
                "-f", "v4l2", node.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        ExternalProducer producer = new ExternalProducer(process, log, node);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (LoopbackModule.system().fixedFormat(node).isEmpty()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                producer.close();
                throw new AssertionError("ffmpeg did not start writing into " + node + ":\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return producer;
    }

    Path node() {
        return node;
    }

    /** Stops the producer and waits until the node is free again (its format is released once every opener closed). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (LoopbackModule.system().fixedFormat(node).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
