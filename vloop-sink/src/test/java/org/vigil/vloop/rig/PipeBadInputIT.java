package org.vigil.vloop.rig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vigil.kernel.testing.NothingLeaked;
import org.vigil.kernel.testing.RigNodes;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.NotAV4l2DeviceException;
import org.vigil.kernel.v4l2.VideoNodes;
import org.vigil.vloop.LoopbackModule;
import org.vigil.vloop.LoopbackSink;
import org.vigil.vloop.LoopbackWriter;
import org.vigil.vloop.NotALoopbackException;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeChoice;
import org.vigil.vloop.PipeFinder;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.PipeSettings;
import org.vigil.vloop.PipeTooLargeException;
import org.vigil.vloop.image.ImageLayout;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input against the real drivers: one clear error each, and no descriptor or mapping left behind. */
@ExtendWith(NothingLeaked.class)
class PipeBadInputIT {
    @Test
    void anOddWidthWithYu12IsRefusedBeforeAnyDeviceIsOpened() {
        Path a = RigNodes.loopback("vigil-a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PipeSettings(
                new PipeChoice.Node(a), OutputMode.MMAP, PipeFormat.YU12, 321, 240, new Fraction(1, 30)));
        assertTrue(e.getMessage().startsWith("pipe format YU12: I420 (planar 4:2:0, V4L2 YU12) needs an even width and "
                + "height") && e.getMessage().contains("use 322x240 or 320x240"), e.getMessage());
        assertTrue(PipeDiscoveryIT.status(a).isFree(), "the pipe was not touched");
    }

    @Test
    void aNodeThatIsNotALoopbackIsRefusedForWriterAndSinkAlike() throws Exception {
        for (Path vivid : new Path[] {RigNodes.vividCapture(), RigNodes.vividOutput()}) {
            PipeSettings settings = PipeSettings.of(640, 480).withChoice(new PipeChoice.Node(vivid));
            NotALoopbackException e = assertThrows(NotALoopbackException.class,
                    () -> LoopbackWriter.open(settings, ImageLayout.YUYV));
            assertTrue(e.getMessage().startsWith(vivid + ": this is a vivid node 'vivid-000-vid-"), e.getMessage());
            assertTrue(e.getMessage().contains("not a v4l2loopback pipe: no viewer would see what vigil writes here")
                    && e.remedy().contains("'vigil-a': free"), e.getMessage());
            assertThrows(NotALoopbackException.class, () -> LoopbackSink.open("loopback", settings, ImageLayout.YUYV),
                    "a configuration error is thrown by the sink too, not retried forever");
        }
        NotAV4l2DeviceException e = assertThrows(NotAV4l2DeviceException.class, () -> LoopbackWriter.open(
                PipeSettings.of(640, 480).withChoice(new PipeChoice.Node(Path.of("/dev/null"))), ImageLayout.YUYV));
        assertTrue(e.getMessage().startsWith("/dev/null:"), e.getMessage());
    }

    @Test
    void aSizeAboveTheModuleLimitIsRefusedWithTheParameterToChange() throws Exception {
        Path a = RigNodes.loopback("vigil-a");
        PipeSettings large = new PipeSettings(new PipeChoice.Node(a), OutputMode.WRITE, PipeFormat.YUYV, 2560, 1440,
                new Fraction(1, 30));
        PipeTooLargeException e = assertThrows(PipeTooLargeException.class, () -> LoopbackWriter.open(large, ImageLayout.YUYV));
        assertEquals(a + ": 2560x1440 is larger than v4l2loopback allows (max_width=1920, max_height=1080); reload the "
                + "module with room for it (`sudo modprobe -r v4l2loopback && sudo modprobe v4l2loopback ... "
                + "max_width=2560 max_height=1440`) or send a smaller picture", e.getMessage());
        assertThrows(PipeTooLargeException.class, () -> LoopbackSink.open("loopback", large, ImageLayout.YUYV));
        assertTrue(PipeDiscoveryIT.status(a).isFree(), "refused from the module's parameters, before any ioctl");
    }

    /** Without the module's parameters to read, the driver's own answer (it shrinks the size) is caught the same way. */
    @Test
    void aSizeTheDriverShrinksIsCaughtAtSFmtToo() {
        PipeFinder blind = new PipeFinder(VideoNodes::list, new LoopbackModule(Path.of("/sys/class/video4linux"),
                Path.of("/nonexistent")));
        Path m = RigNodes.loopback("vigil-m");
        for (OutputMode mode : new OutputMode[] {OutputMode.WRITE, OutputMode.MMAP}) {
            PipeSettings large = new PipeSettings(new PipeChoice.Node(m), mode, PipeFormat.YUYV, 2560, 1080,
                    new Fraction(1, 30));
            PipeTooLargeException e = assertThrows(PipeTooLargeException.class,
                    () -> LoopbackWriter.open(blind, large, ImageLayout.YUYV));
            assertEquals("VIDIOC_S_FMT", e.call());
            assertTrue(e.getMessage().contains("2560x1080 is larger than v4l2loopback allows (max_width=1920"),
                    e.getMessage());
        }
    }

    @Test
    void aSourceThatCannotHaveThisSizeIsRefusedBeforeAnyDeviceIsOpened() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoopbackWriter.open(
                PipeSettings.of(640, 479).withChoice(new PipeChoice.Labelled("vigil-a")), ImageLayout.NV12));
        assertTrue(e.getMessage().startsWith("NV12 (semi-planar 4:2:0) needs an even width and height"), e.getMessage());
    }
}
