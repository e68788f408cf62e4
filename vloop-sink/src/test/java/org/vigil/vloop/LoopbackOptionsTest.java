package org.vigil.vloop;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.v4l2.Fraction;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopbackOptionsTest {

    @Test
    void everyOptionHasADefaultARangeAndADocSentenceAndTheDefaultsParse() {
        for (OptionInfo option : LoopbackOptions.OPTIONS) {
            assertTrue(option.name().matches("[a-z][a-z-]*"), option.name());
            assertTrue(!option.defaultValue().isBlank() && !option.range().isBlank(), option.name());
            assertTrue(option.doc().endsWith(".") && option.doc().split("\\. ").length == 1, option.doc());
        }
        LoopbackOptions defaults = LoopbackOptions.defaults();
        assertEquals(Optional.of(PipeChoice.ANY), defaults.feed());
        assertEquals(OutputMode.DEFAULT, defaults.mode());
        assertEquals(PipeFormat.YUYV, defaults.format());
        assertEquals(Optional.empty(), defaults.motionPipe());
    }

    @Test
    void valuesAreReadAndTheCamerasRateIsTheDefault() {
        LoopbackOptions options = LoopbackOptions.parse(Map.of("loopback-pipe", "label:porch", "loopback-mode", "write",
                "loopback-format", "YU12", "motion-pipe", "/dev/video12"));
        PipeSettings feed = options.feedSettings(640, 480, new Fraction(1, 25)).orElseThrow();
        assertEquals(new PipeSettings(new PipeChoice.Labelled("porch"), OutputMode.WRITE, PipeFormat.YU12, 640, 480,
                new Fraction(1, 25)), feed);
        PipeSettings motion = options.motionSettings(320, 240, new Fraction(1, 25)).orElseThrow();
        assertEquals(new PipeChoice.Node(Path.of("/dev/video12")), motion.choice());
        assertEquals(new Fraction(1, 15), LoopbackOptions.parse(Map.of("loopback-fps", "15"))
                .feedSettings(640, 480, new Fraction(1, 25)).orElseThrow().interval());
        assertEquals(Optional.empty(), LoopbackOptions.parse(Map.of("loopback-pipe", "off")).feedSettings(640, 480,
                new Fraction(1, 25)));
    }

    @Test
    void aBadValueNamesTheOptionTheValueAndWhatIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoopbackOptions.parse(Map.of("loopback-format", "nv12")));
        assertTrue(e.getMessage().startsWith("option loopback-format = 'nv12': pipe format 'nv12' is not one of "
                + "[yuyv, yu12, grey]; use yuyv | yu12 | grey (Pixel format"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LoopbackOptions.parse(Map.of("loopback-fps", "300")));
        assertTrue(e.getMessage().startsWith("option loopback-fps = '300': out of range; use 0 .. 240"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LoopbackOptions.parse(Map.of("motion-pipe", "video10")));
        assertTrue(e.getMessage().contains("is not 'any', 'label:NAME' or a device path"), e.getMessage());
    }

    @Test
    void autoWritesPicturesAlreadyInThePipesFormatAndMapsForConversions() {
        assertEquals(OutputMode.AUTO, OutputMode.DEFAULT);
        assertEquals(OutputMode.WRITE, OutputMode.AUTO.resolve(true));
        assertEquals(OutputMode.MMAP, OutputMode.AUTO.resolve(false));
        assertEquals(OutputMode.MMAP, OutputMode.MMAP.resolve(true), "a mode the user chose stays");
        assertEquals(OutputMode.WRITE, OutputMode.parse(" Write "));
    }

    @Test
    void anOddWidthForYu12IsRefusedWithTheSizesThatWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PipeSettings(PipeChoice.ANY, OutputMode.MMAP, PipeFormat.YU12, 321, 240, new Fraction(1, 30)));
        assertEquals("pipe format YU12: I420 (planar 4:2:0, V4L2 YU12) needs an even width and height (chroma is shared "
                + "by pixel pairs), but 321x240 has an odd width: use 322x240 or 320x240, or the GREY format, which "
                + "takes any size", e.getMessage());
        assertEquals(321, new PipeSettings(PipeChoice.ANY, OutputMode.MMAP, PipeFormat.GREY, 321, 241,
                new Fraction(1, 30)).width(), "GREY takes any size");
    }
}
