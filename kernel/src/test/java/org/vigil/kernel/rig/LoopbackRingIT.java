package org.vigil.kernel.rig;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.testing.ExternalCommand;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.FrameWriter;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * v4l2loopback 0.12.7 keeps one ring of max_buffers (8 in this rig) for all the openers of a node, and a REQBUFS for
 * fewer shrinks it for every one of them until the module is unloaded: a viewer then has fewer frame periods before
 * the producer overwrites the frame it is copying (v4l2-ctl's default request left four; a CI run's viewer got
 * frames overwritten under it). vigil capturing from a loopback camera with its default four buffers must leave the
 * ring whole; v4l2-ctl, asking for all of them afterwards, shows the ring's size as the buffer indices it dequeues.
 */
class LoopbackRingIT {
    private static final int RING = 8;
    private static final Pattern DEQUEUED = Pattern.compile("cap dqbuf: +(\\d+)");

    @Test
    void capturingFromALoopbackLeavesItsRingWhole() throws Exception {
        Path node = RigNodes.loopback("vigil-r");
        try (V4l2Device producerDevice = V4l2Device.open(node);
             FrameWriter producer = FrameWriter.open(producerDevice, PixFormat.request(320, 240, FourCC.YUYV),
                     new Fraction(1, 30), Duration.ofSeconds(2), true)) {
            ByteBuffer image = ByteBuffer.allocateDirect(producer.format().sizeImage());
            producer.write(image.clear()); // a loopback offers capture only once a producer has set it up
            ExecutorService producerThread = Executors.newSingleThreadExecutor();
            try {
                producerThread.submit(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        producer.write(image.clear());
                        Thread.sleep(20);
                    }
                    return null;
                });
                try (V4l2Device consumer = V4l2Device.open(node);
                     CaptureStream stream = CaptureStream.open(consumer, CaptureSettings.defaults())) {
                    for (int i = 0; i < 10; i++) {
                        stream.next().close();
                    }
                }
                String log = ExternalCommand.run(List.of("v4l2-ctl", "-d", node.toString(), "--stream-mmap=32",
                        "--stream-count=" + 3 * RING, "--verbose"), 120);
                Set<Integer> indices = new TreeSet<>();
                Matcher dequeued = DEQUEUED.matcher(log);
                while (dequeued.find()) {
                    indices.add(Integer.parseInt(dequeued.group(1)));
                }
                assertEquals(RING, indices.size(), "the ring's buffers a viewer dequeued after vigil captured with "
                        + "its default " + CaptureSettings.DEFAULT_BUFFERS + ": " + indices);
            } finally {
                producerThread.shutdownNow(); // before the writer closes under it
                producerThread.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }
}
