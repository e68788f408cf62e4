package org.vigil.core.rig;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.vigil.core.lifecycle.Daemon;
import org.vigil.core.pipeline.CameraPipeline;
import org.vigil.core.testing.ConfigFiles;
import org.vigil.core.testing.LogLines;
import org.vigil.core.testing.TestDetectors;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.kernel.testing.ProcessResources;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.vloop.LoopbackWriter;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeChoice;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.PipeSettings;
import org.vigil.vloop.image.ImageLayout;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cameras that go away. A loopback camera whose producer stops for 10 s and comes back, five times: lost and found
 * logged each time, frames again within 2 s of the producer's return, and the daemon's descriptors and mappings the
 * same after the fifth cycle as after the first. Then vivid unbound mid-stream: the other camera keeps running, and
 * vivid is found again once bound. Last of the suite: it unbinds vivid.
 */
@Order(100)
class CameraLossIT {
    private static final Path VIVID_DRIVER = Path.of("/sys/bus/platform/drivers/vivid");
    private static final int CYCLES = 5;

    @Test
    void aCameraThatGoesAwayIsFoundAgainAndTheOthersCarryOn() throws Exception {
        DetectorCatalog detectors = TestDetectors.catalog();
        Path cam = RigVideo.loopback("cam-a");
        Path file = ConfigFiles.write("""
                status-interval: 3600
                fps: 10
                cameras:
                  lossy:
                    device: %s
                    size: 320x240
                    loopback: {pipe: label:feed-c}
                  steady:
                    device: %s
                    size: 320x180
                    controls: {horizontal_movement: 3, osd_text_mode: 2}
                    loopback: {pipe: label:feed-d}
                """.formatted(cam, RigVideo.vivid(0)));
        Daemon daemon = Daemon.create(detectors, null);
        Producer producer = new Producer(cam);
        try (LogLines log = LogLines.capture()) {
            producer.start();
            daemon.start(ConfigFiles.load(file, detectors));
            Streams.awaitStreaming(daemon, List.of("lossy", "steady"), Duration.ofSeconds(120));
            CameraPipeline lossy = daemon.camera("lossy");
            ProcessResources afterFirst = null;
            List<Long> backAfterMillis = new ArrayList<>();
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                Streams.awaitFrames(lossy, 10, Duration.ofSeconds(30));
                producer.stop();
                log.await("camera lossy: lost: .*no frame arrived", cycle, 20_000);
                Thread.sleep(Math.max(0, 10_000 - producer.stoppedMillis()));
                long framesBefore = lossy.counters().framesIn();
                producer.start();
                long restarted = System.nanoTime();
                while (lossy.counters().framesIn() == framesBefore) {
                    assertTrue(System.nanoTime() - restarted < TimeUnit.SECONDS.toNanos(30),
                            "cycle " + cycle + ": no frame 30 s after the producer came back: " + lossy.problem());
                    Thread.sleep(10);
                }
                backAfterMillis.add((System.nanoTime() - restarted) / 1_000_000);
                log.await("camera lossy: found again", cycle, 10_000);
                Streams.awaitFrames(lossy, 10, Duration.ofSeconds(30));
                if (cycle == 1) {
                    afterFirst = ProcessResources.now();
                }
            }
            ProcessResources afterLast = ProcessResources.now();
            System.out.println("producer back -> frames again, ms: " + backAfterMillis);
            for (long millis : backAfterMillis) {
                assertTrue(millis < 2000, "frames came back " + backAfterMillis + " ms after the producer");
            }
            assertEquals(afterFirst.descriptorsOn("/dev/video"), afterLast.descriptorsOn("/dev/video"),
                    "descriptors after cycle 1 and cycle " + CYCLES + ": " + afterLast.descriptorTargets());
            assertEquals(afterFirst.mappingsOf("/dev/video"), afterLast.mappingsOf("/dev/video"), afterLast.deviceMappings().toString());

            CameraPipeline steady = daemon.camera("steady");
            Streams.awaitFrames(steady, 10, Duration.ofSeconds(30));
            Files.writeString(VIVID_DRIVER.resolve("unbind"), "vivid.0");
            try {
                log.await("camera steady: lost", 1, 20_000);
                long lossyFrames = lossy.counters().framesIn();
                Thread.sleep(3000);
                assertTrue(lossy.counters().framesIn() - lossyFrames >= 20, String.format(Locale.ROOT,
                        "the other camera kept running: %d frames in 3 s", lossy.counters().framesIn() - lossyFrames));
                assertEquals(CameraPipeline.State.DOWN, steady.state());
            } finally {
                if (!Files.exists(VIVID_DRIVER.resolve("vivid.0"))) {
                    Files.writeString(VIVID_DRIVER.resolve("bind"), "vivid.0");
                }
            }
            log.await("camera steady: found again", 1, 30_000);
            Streams.awaitFrames(steady, 10, Duration.ofSeconds(30));
        } finally {
            daemon.stop(Duration.ofSeconds(3));
            producer.stop();
        }
    }

    /** A producer on the loopback camera in this JVM, writing 320x240 YUYV frames at 10 fps until stopped. */
    private static final class Producer {
        private final Path node;
        private Thread thread;
        private volatile boolean running;
        private long stoppedAt;

        Producer(Path node) {
            this.node = node;
        }

        void start() throws Exception {
            PipeSettings settings = new PipeSettings(new PipeChoice.Node(node), OutputMode.WRITE, PipeFormat.YUYV, 320, 240,
                    new Fraction(1, 10));
            LoopbackWriter writer = LoopbackWriter.open(settings, ImageLayout.YUYV);
            ByteBuffer image = ByteBuffer.allocateDirect(settings.imageBytes());
            running = true;
            thread = new Thread(() -> {
                try (writer) {
                    long next = System.nanoTime();
                    for (int n = 0; running; n++) {
                        for (int i = 0; i < image.capacity(); i += 2) {
                            image.put(i, (byte) ((i / 2 + n * 4) % 220 + 16)).put(i + 1, (byte) 128);
                        }
                        writer.write(image);
                        next += 100_000_000L;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "test-producer");
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join(5000);
                thread = null;
            }
            stoppedAt = System.nanoTime();
        }

        long stoppedMillis() {
            return (System.nanoTime() - stoppedAt) / 1_000_000;
        }
    }
}
