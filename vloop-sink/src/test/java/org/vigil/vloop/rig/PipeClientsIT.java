package org.vigil.vloop.rig;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.kernel.testing.NothingLeaked;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.vloop.LoopbackWriter;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeChoice;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.PipeSettings;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Frames written in each mode and format come back byte-exact, in order and complete, through three independent
 * viewers: v4l2-ctl, ffmpeg and GStreamer, one after another on the same pipe.
 */
@ExtendWith(NothingLeaked.class)
class PipeClientsIT {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final int FRAMES = 8;
    static final long PERIOD_MS = 100;

    static Stream<Arguments> modesAndFormats() {
        return Stream.of(OutputMode.WRITE, OutputMode.MMAP).flatMap(mode -> Stream.of(PipeFormat.values()).map(f -> Arguments.of(mode, f)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndFormats")
    void everyViewerReadsBackWhatWasWritten(OutputMode mode, PipeFormat format) throws Exception {
        readBackByEveryViewer(RigNodes.loopback("vigil-a"), mode, format);
    }

    /** Opens the pipe in this mode and format, then runs each viewer in turn and checks what it saved. */
    static void readBackByEveryViewer(Path node, OutputMode mode, PipeFormat format) throws Exception {
        PipeSettings settings = settings(node, mode, format);
        try (LoopbackWriter writer = LoopbackWriter.open(settings, format.layout())) {
            assertEquals(settings.imageBytes(), writer.format().sizeImage(),
                    "the image size, not v4l2loopback's page-rounded buffer size");
            readBackByEveryViewer(writer);
        }
    }

    static PipeSettings settings(Path node, OutputMode mode, PipeFormat format) {
        return new PipeSettings(new PipeChoice.Node(node), mode, format, WIDTH, HEIGHT, new Fraction(1, 10));
    }

    /** Runs each viewer in turn on an open writer's pipe (its source layout is the pipe's) and checks what it saved. */
    static void readBackByEveryViewer(LoopbackWriter writer) throws Exception {
        PipeSettings settings = writer.settings();
        int bytes = settings.imageBytes();
        ByteBuffer image = ByteBuffer.allocateDirect(bytes);
        int next = 1;
        for (Viewer viewer : Viewer.values()) {
            ViewerRun.Result result = ViewerRun.run(viewer, writer.node(), settings.format(), settings.width(),
                    settings.height(), FRAMES, n -> {
                        NumberedFrames.fill(image, bytes, n);
                        writer.write(image);
                    }, next, PERIOD_MS);
            ViewerRun.requireConsecutive(viewer, result, FRAMES);
            next = result.nextNumber();
        }
    }
}
