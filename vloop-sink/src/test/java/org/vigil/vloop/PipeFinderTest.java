package org.vigil.vloop;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.kernel.abi.V4l2Constants;
import org.vigil.kernel.v4l2.Capability;
import org.vigil.kernel.v4l2.DeviceNotFoundException;
import org.vigil.kernel.v4l2.VideoNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The choice logic over a fake sysfs and fake node list; the rig's PipeDiscoveryIT does the same against the driver. */
class PipeFinderTest {
    private static final int STREAM_IO = V4l2Constants.CAP_STREAMING | V4l2Constants.CAP_READWRITE;
    private static final int BOTH = V4l2Constants.CAP_VIDEO_CAPTURE | V4l2Constants.CAP_VIDEO_OUTPUT | STREAM_IO;

    @TempDir
    Path sys;
    private final List<VideoNode> nodes = new ArrayList<>();
    private Path videoClass;
    private Path module;

    @BeforeEach
    void sysfs() throws IOException {
        videoClass = Files.createDirectories(sys.resolve("class/video4linux"));
        module = sys.resolve("module/v4l2loopback");
    }

    @Test
    void anyTakesTheFirstFreePipe() throws Exception {
        loadModule(1920, 1080, "N,Y");
        loopback(10, "vigil-a", BOTH, "YUYV:640x480@30");
        loopback(11, "vigil-b", V4l2Constants.CAP_VIDEO_OUTPUT | STREAM_IO, null);
        assertEquals(Path.of("/dev/video11"), finder().find(settings(PipeChoice.ANY)));
    }

    @Test
    void twoWritersAskingForAnyAtOnceGetTwoPipesAndAReleasedOneIsGivenAgain() throws Exception {
        loadModule(1920, 1080, "N,N");
        loopback(10, "vigil-a", BOTH, null);
        loopback(11, "vigil-b", BOTH, null);
        PipeFinder finder = finder(); // one per daemon: both cameras' writers ask it before either has written
        assertEquals(Path.of("/dev/video10"), finder.find(settings(PipeChoice.ANY)));
        assertEquals(Path.of("/dev/video11"), finder.find(settings(PipeChoice.ANY)));
        assertThrows(NoFreePipeException.class, () -> finder.find(settings(PipeChoice.ANY)));
        finder.release(Path.of("/dev/video10"));
        assertEquals(Path.of("/dev/video10"), finder.find(settings(PipeChoice.ANY)));
    }

    @Test
    void noFreePipeNamesEachAndGivesTheModprobeLine() {
        loadModule(1920, 1080, "N,Y,N");
        vivid();
        loopback(10, "vigil-a", BOTH, "YUYV:640x480@30");
        loopback(11, "vigil-b", V4l2Constants.CAP_VIDEO_CAPTURE | STREAM_IO, "YU12:320x240@25");
        NoFreePipeException e = assertThrows(NoFreePipeException.class, () -> finder().find(settings(PipeChoice.ANY)));
        assertTrue(e.getMessage().startsWith("any: no free v4l2loopback pipe (/dev/video10 'vigil-a': held by another "
                + "producer (YUYV:640x480@30); /dev/video11 'vigil-b': held by another producer (YU12:320x240@25, exclusive_caps))"),
                e.getMessage());
        assertTrue(e.remedy().contains("sudo modprobe -r v4l2loopback && sudo modprobe v4l2loopback devices=3 "
                + "video_nr=10,11,12 card_label=vigil-a,vigil-b,vigil exclusive_caps=0,1,1"), e.remedy());
    }

    @Test
    void noModuleAtAllSaysHowToLoadIt() {
        vivid();
        NoFreePipeException e = assertThrows(NoFreePipeException.class, () -> finder().find(settings(PipeChoice.ANY)));
        assertTrue(e.getMessage().contains("no v4l2loopback pipe exists: the module is not loaded"), e.getMessage());
        assertTrue(e.remedy().contains("sudo modprobe v4l2loopback devices=1 video_nr=10 card_label=vigil exclusive_caps=1"),
                e.remedy());
    }

    @Test
    void aLabelFindsItsPipeOrListsTheLabelsThereAre() throws Exception {
        loadModule(1920, 1080, "N,N");
        loopback(10, "vigil-a", BOTH, null);
        loopback(11, "vigil-b", BOTH, null);
        assertEquals(Path.of("/dev/video11"), finder().find(settings(new PipeChoice.Labelled("vigil-b"))));
        NoFreePipeException e = assertThrows(NoFreePipeException.class,
                () -> finder().find(settings(new PipeChoice.Labelled("porch"))));
        assertTrue(e.getMessage().contains("no v4l2loopback pipe is labelled 'porch' (/dev/video10 'vigil-a': free; "
                + "/dev/video11 'vigil-b': free)"), e.getMessage());
        assertTrue(e.remedy().contains("card_label=vigil-a,vigil-b,porch"), e.remedy());
    }

    @Test
    void aNamedPipeHeldWithAnotherFormatIsRefusedButItsOwnFormatRejoins() throws Exception {
        loadModule(1920, 1080, "N,N");
        loopback(10, "vigil-a", BOTH, "YUYV:640x480@30");
        loopback(11, "vigil-b", BOTH, null);
        PipeSettings settings = settings(new PipeChoice.Node(Path.of("/dev/video10")));
        assertEquals(Path.of("/dev/video10"), finder().find(settings), "vigil's own format after a restart");
        PipeHeldException e = assertThrows(PipeHeldException.class,
                () -> finder().find(settings.withFormat(PipeFormat.YU12)));
        assertEquals("/dev/video10: pipe 'vigil-a' is held by another producer (YUYV:640x480@30); stop that producer "
                + "(`fuser -v /dev/video10` names it), or choose a free pipe: /dev/video11 'vigil-b': free", e.getMessage());
    }

    @Test
    void aNodeThatIsNotALoopbackIsRefused() {
        loadModule(1920, 1080, "N");
        vivid();
        loopback(10, "vigil-a", BOTH, null);
        NotALoopbackException e = assertThrows(NotALoopbackException.class,
                () -> finder().find(settings(new PipeChoice.Node(Path.of("/dev/video0")))));
        assertEquals("/dev/video0: this is a vivid node 'vivid-000-vid-cap', not a v4l2loopback pipe: no viewer would see "
                + "what vigil writes here; write into a v4l2loopback node instead (/dev/video10 'vigil-a': free), or "
                + "choose 'any'", e.getMessage());
    }

    @Test
    void aMissingNodeSaysSo() {
        assertThrows(DeviceNotFoundException.class,
                () -> finder().find(settings(new PipeChoice.Node(Path.of("/dev/video99")))));
    }

    @Test
    void aSizeBeyondTheModuleLimitIsRefusedBeforeAnyDeviceIsTouched() {
        loadModule(1280, 720, "N");
        loopback(10, "vigil-a", BOTH, null);
        PipeTooLargeException e = assertThrows(PipeTooLargeException.class, () -> finder().find(
                new PipeSettings(PipeChoice.ANY, OutputMode.WRITE, PipeFormat.YUYV, 1920, 1080, new org.vigil.kernel.v4l2.Fraction(1, 30))));
        assertEquals("any: 1920x1080 is larger than v4l2loopback allows (max_width=1280, max_height=720); reload the "
                + "module with room for it (`sudo modprobe -r v4l2loopback && sudo modprobe v4l2loopback ... "
                + "max_width=1920 max_height=1080`) or send a smaller picture", e.getMessage());
    }

    @Test
    void anExclusiveCapsNodeThatLostItsOutputIsExplained() {
        loadModule(1920, 1080, "Y");
        loopback(10, "vigil-a", STREAM_IO, null);
        NoFreePipeException e = assertThrows(NoFreePipeException.class, () -> finder().find(settings(PipeChoice.ANY)));
        assertTrue(e.getMessage().contains("offers no output capability (v4l2loopback 0.12.7"), e.getMessage());
    }

    private PipeFinder finder() {
        return new PipeFinder(() -> nodes, new LoopbackModule(videoClass, module));
    }

    private static PipeSettings settings(PipeChoice choice) {
        return PipeSettings.of(640, 480).withChoice(choice);
    }

    private void loadModule(int maxWidth, int maxHeight, String exclusiveCaps) {
        try {
            Path parameters = Files.createDirectories(module.resolve("parameters"));
            Files.writeString(parameters.resolve("max_width"), maxWidth + "\n");
            Files.writeString(parameters.resolve("max_height"), maxHeight + "\n");
            Files.writeString(parameters.resolve("exclusive_caps"), exclusiveCaps + "\n");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void loopback(int number, String label, int caps, String fixedFormat) {
        try {
            Path dir = Files.createDirectories(videoClass.resolve("video" + number));
            Files.writeString(dir.resolve("format"), fixedFormat == null ? "" : fixedFormat + "\n");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        nodes.add(new VideoNode(Path.of("/dev/video" + number), label,
                new Capability(Capability.LOOPBACK_DRIVER, label, "platform:v4l2loopback-00" + number, 0,
                        caps | V4l2Constants.CAP_DEVICE_CAPS, caps), null));
    }

    private void vivid() {
        int caps = V4l2Constants.CAP_VIDEO_CAPTURE | STREAM_IO;
        nodes.add(new VideoNode(Path.of("/dev/video0"), "vivid-000-vid-cap",
                new Capability("vivid", "vivid-000-vid-cap", "platform:vivid-000", 0, caps | V4l2Constants.CAP_DEVICE_CAPS,
                        caps), null));
    }
}
