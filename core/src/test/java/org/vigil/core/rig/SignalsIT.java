package org.vigil.core.rig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.vloop.PipeFinder;
import org.vigil.vloop.PipeStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daemon as users run it: bin/vigil run in a process of its own, driven by signals. A second daemon on the same
 * camera names the process that holds it; SIGHUP with a broken file keeps the running config, with one camera changed
 * restarts only that camera while the other's frames go on without a gap; SIGTERM exits 0 within 3 s, pipes closed.
 */
@Order(50)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignalsIT {
    private static FfmpegCamera street;
    private static Path config;
    private static VigilProcess daemon;
    private static final Path EVENTS = temporaryDirectory();

    private static String config(String frontSize, String backThreshold) throws Exception {
        return """
                status-interval: 1
                fps: 10
                target-dir: %s
                events: {movie: false}       # CrashIT stops a daemon mid-movie; here SIGTERM is timed
                retention: {min-free: none}  # the guest's /tmp has less free than the default
                cameras:
                  front:
                    device: %s
                    size: %s
                    controls: {osd_text_mode: 2}
                    loopback: {pipe: label:feed-a}
                  back:
                    device: {card: cam-b}
                    size: 768x576
                    detector: {threshold: %s}
                    loopback: {pipe: label:feed-b}
                """.formatted(EVENTS, RigVideo.vivid(1), frontSize, backThreshold);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("vigil-signals-events");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        street = FfmpegCamera.start(Footage.vtest(), RigVideo.loopback("cam-b"), List.of("-pix_fmt", "yuyv422"));
        config = Files.createTempFile("vigil-signals", ".yml");
        Files.writeString(config, config("640x480", "0.001"));
        daemon = VigilProcess.run(config);
        daemon.awaitLog("camera front: feed pipe up", 1, 240);
        daemon.awaitLog("camera back: feed pipe up", 1, 60);
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            daemon.kill();
        }
        street.close();
    }

    @Test
    @Order(1)
    void aSecondDaemonOnTheSameCameraNamesTheProcessHoldingIt() throws Exception {
        Path second = Files.createTempFile("vigil-second", ".yml");
        Files.writeString(second, """
                target-dir: %s
                cameras:
                  intruder:
                    device: %s
                    size: 640x480
                    loopback: {pipe: label:feed-c}
                """.formatted(EVENTS, RigVideo.vivid(1)));
        VigilProcess intruder = VigilProcess.run(second);
        try {
            intruder.awaitLog("camera intruder: cannot open: .*another program is using this device.*held by vigil \\(pid "
                    + daemon.pid() + "\\)", 1, 240);
        } finally {
            assertEquals(0, intruder.terminate(Duration.ofSeconds(10)), intruder.log());
        }
    }

    @Test
    @Order(2)
    void aBrokenFileOnReloadIsReportedAndTheRunningConfigStays() throws Exception {
        Files.writeString(config, config("640x480", "0.001").replace("size: 768x576", "size: [768x576"));
        daemon.signal("HUP");
        daemon.awaitLog("config .* rejected on reload: 1 problem; the running config stays", 1, 30);
        daemon.awaitLog(Pattern.quote(config.toString()) + ":\\d+:\\d+: not valid YAML", 1, 5);
        List<byte[]> frames = Viewers.v4l2ctl(RigVideo.loopback("feed-a"), 3, 640 * 480 * 2);
        assertEquals(3, frames.size(), "the front camera still feeds its pipe");
    }

    /**
     * The untouched camera's stream is never closed, and the status lines (one a second here) show no frame dropped
     * from its camera (the driver's sequence numbers run on without a gap) while a viewer keeps reading its pipe.
     */
    @Test
    @Order(3)
    void aReloadRestartsOnlyTheCameraThatChangedAndTheOtherRunsOnWithoutAGap() throws Exception {
        long statusBefore = daemon.count("camera back: streaming .*; last");
        try (PipeReader back = PipeReader.on(RigVideo.loopback("feed-b"))) {
            back.awaitFrames(10, Duration.ofSeconds(60));
            Files.writeString(config, config("320x180", "0.001"));
            daemon.signal("HUP");
            daemon.awaitLog("config .* reloaded: front restarted; 1 unchanged", 1, 30);
            daemon.awaitLog("camera front: feed pipe up: .*320x180", 1, 60);
            back.awaitFrames(20, Duration.ofSeconds(60));
            Files.writeString(config, config("320x180", "0.002"));
            daemon.signal("HUP");
            daemon.awaitLog("config .* reloaded: back updated; 1 unchanged", 1, 30);
            daemon.awaitLog("camera back: new settings applied at frame", 1, 30);
            back.awaitFrames(20, Duration.ofSeconds(60));
        }
        List<String> backStatus = daemon.lines("camera back: ").stream().filter(line -> line.contains("; last ")).toList();
        assertTrue(backStatus.size() > statusBefore + 3, "status lines: " + backStatus);
        for (String line : backStatus.subList((int) statusBefore, backStatus.size())) {
            assertTrue(line.contains("camera back: streaming") && line.contains("dropped: capture 0,"), line);
        }
        assertEquals(0, daemon.count("camera back: feed pipe closed"), daemon.log());
        assertEquals(1, daemon.count("camera front: feed pipe closed"), daemon.log());
        assertEquals(1, daemon.count("camera back: streaming /dev/video\\d+ \\("), "camera back opened once:\n" + daemon.log());
        assertEquals(0, daemon.count("camera back: (found again|opened)"), "and never reopened:\n" + daemon.log());
    }

    @Test
    @Order(4)
    void sigtermStopsWithinThreeSecondsWithExitZeroAndEveryPipeClosed() throws Exception {
        long started = System.nanoTime();
        int status = daemon.terminate(Duration.ofSeconds(10));
        long millis = (System.nanoTime() - started) / 1_000_000;
        String log = daemon.log();
        daemon = null;
        System.out.println("SIGTERM to exit: " + millis + " ms");
        assertEquals(0, status, log);
        assertTrue(millis < 3000, "exited " + millis + " ms after SIGTERM");
        assertTrue(log.contains("camera front: feed pipe closed") && log.contains("camera back: feed pipe closed"), log);
        for (PipeStatus pipe : PipeFinder.system().survey()) {
            if (pipe.label().startsWith("feed-")) {
                assertTrue(pipe.isFree(), pipe.describe());
            }
        }
    }

    /** A viewer in this JVM reading a pipe for as long as it is open. */
    private static final class PipeReader implements AutoCloseable {
        private final V4l2Device device;
        private final CaptureStream stream;
        private final Thread thread;
        private volatile long frames;
        private volatile boolean running = true;
        private volatile Exception failure;

        private PipeReader(Path node) throws Exception {
            device = V4l2Device.open(node);
            stream = CaptureStream.open(device, CaptureSettings.defaults().withTimeout(Duration.ofSeconds(20)));
            thread = new Thread(this::read, "pipe-reader");
            thread.start();
        }

        static PipeReader on(Path node) throws Exception {
            return new PipeReader(node);
        }

        private void read() {
            try {
                while (running) {
                    try (Frame frame = stream.next()) {
                        if (frame != null) {
                            frames++;
                        }
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        void awaitFrames(long more, Duration timeout) throws Exception {
            long target = frames + more;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (frames < target) {
                if (failure != null) {
                    throw new AssertionError("reading the pipe failed", failure);
                }
                assertTrue(System.nanoTime() < deadline, frames + " frames read, wanted " + target);
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(25_000);
            stream.close();
            device.close();
        }
    }
}
