package org.vigil.vloop.rig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vigil.kernel.testing.NothingLeaked;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.vloop.LoopbackWriter;
import org.vigil.vloop.NoFreePipeException;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeChoice;
import org.vigil.vloop.PipeFinder;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.PipeHeldException;
import org.vigil.vloop.PipeSettings;
import org.vigil.vloop.PipeStatus;
import org.vigil.vloop.image.ImageLayout;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding a pipe among the rig's three loopback nodes (vigil-a, vigil-b with exclusive_caps=1, vigil-m) while other
 * producers hold some of them: a real ffmpeg, and vigil's own writers.
 */
@ExtendWith(NothingLeaked.class)
@SuppressWarnings("try") // producers and viewers opened only to hold a pipe while the test looks for another
class PipeDiscoveryIT {
    private static final PipeSettings VGA = PipeSettings.of(640, 480).withMode(OutputMode.WRITE);

    @Test
    void anyFindsThePipeNoOtherProducerHolds() throws Exception {
        Path a = RigNodes.loopback("vigil-a");
        Path b = RigNodes.loopback("vigil-b");
        Path m = RigNodes.loopback("vigil-m");
        assertEquals(a, PipeFinder.system().find(VGA), "all free: the lowest number");
        try (ExternalProducer ffmpeg = ExternalProducer.ffmpeg(a, 320, 240);
             LoopbackWriter onB = LoopbackWriter.open(VGA.withChoice(new PipeChoice.Node(b)), ImageLayout.YUYV)) {
            assertFalse(status(a).isFree(), "ffmpeg holds vigil-a");
            try (LoopbackWriter found = LoopbackWriter.open(VGA, ImageLayout.YUYV)) {
                assertEquals(m, found.node(), "the one pipe nobody holds");
                found.write(ByteBuffer.allocateDirect(VGA.imageBytes()));
            }
        }
    }

    @Test
    void noFreePipeGivesTheClearErrorWithTheModprobeLine() throws Exception {
        Path a = RigNodes.loopback("vigil-a");
        try (ExternalProducer ffmpeg = ExternalProducer.ffmpeg(a, 320, 240);
             LoopbackWriter first = LoopbackWriter.open(VGA, ImageLayout.YUYV);
             LoopbackWriter second = LoopbackWriter.open(VGA, ImageLayout.YUYV)) {
            NoFreePipeException e = assertThrows(NoFreePipeException.class, () -> LoopbackWriter.open(VGA, ImageLayout.YUYV));
            assertTrue(e.getMessage().startsWith("any: no free v4l2loopback pipe (" + a + " 'vigil-a': held by another "
                    + "producer (YUYV:320x240@"), e.getMessage());
            assertTrue(e.getMessage().contains("'vigil-b': held by another producer (YUYV:640x480@30, exclusive_caps)")
                    && e.getMessage().contains("'vigil-m': held by another producer (YUYV:640x480@30)"), e.getMessage());
            assertTrue(e.remedy().contains("sudo modprobe -r v4l2loopback && sudo modprobe v4l2loopback devices=4 "
                    + "video_nr=10,11,12,13 card_label=vigil-a,vigil-b,vigil-m,vigil exclusive_caps=0,1,0,1"), e.remedy());
        }
    }

    @Test
    void aLabelChoosesItsPipe() throws Exception {
        try (LoopbackWriter writer = LoopbackWriter.open(VGA.withChoice(new PipeChoice.Labelled("vigil-m")),
                ImageLayout.YUYV)) {
            assertEquals(RigNodes.loopback("vigil-m"), writer.node());
        }
    }

    @Test
    void aNamedPipeHeldByAnotherProducerIsRefusedNamingIt() throws Exception {
        Path a = RigNodes.loopback("vigil-a");
        try (ExternalProducer ffmpeg = ExternalProducer.ffmpeg(a, 320, 240)) {
            PipeHeldException e = assertThrows(PipeHeldException.class,
                    () -> LoopbackWriter.open(VGA.withChoice(new PipeChoice.Node(a)), ImageLayout.YUYV));
            assertTrue(e.getMessage().startsWith(a + ": pipe 'vigil-a' is held by another producer (YUYV:320x240@"),
                    e.getMessage());
            assertTrue(e.remedy().contains("fuser -v " + a), e.remedy());
        }
    }

    @Test
    void vigilRejoinsItsOwnPipeWhileAViewerKeepsItsFormat() throws Exception {
        Path a = RigNodes.loopback("vigil-a");
        PipeSettings settings = VGA.withChoice(new PipeChoice.Node(a)).withFormat(PipeFormat.YU12);
        try (V4l2Device viewer = V4l2Device.open(a)) {
            try (LoopbackWriter writer = LoopbackWriter.open(settings, ImageLayout.I420)) {
                writer.write(ByteBuffer.allocateDirect(settings.imageBytes()));
            }
            assertTrue(status(a).hasFormat(settings), "the open viewer keeps the format: " + status(a).describe());
            try (LoopbackWriter again = LoopbackWriter.open(settings, ImageLayout.I420)) {
                again.write(ByteBuffer.allocateDirect(settings.imageBytes()));
            }
            assertThrows(PipeHeldException.class, () -> LoopbackWriter.open(VGA.withChoice(new PipeChoice.Node(a)),
                    ImageLayout.YUYV), "another format cannot take it while the viewer holds the old one");
        }
    }

    static PipeStatus status(Path node) {
        return PipeFinder.system().survey().stream().filter(p -> p.device().equals(node)).findFirst().orElseThrow();
    }
}
