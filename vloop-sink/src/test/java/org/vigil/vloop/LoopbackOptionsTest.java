package org.vigil.vloop;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.options.OptionException;
import org.vigil.options.OptionSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopbackOptionsTest {

    @Test
    void everyOptionHasADefaultARangeAndADocSentenceAndTheDefaultsParse() {
        for (OptionSpec<?> option : LoopbackOptions.TABLE.specs()) {
            assertTrue(option.name().matches("[a-z][a-z-]*"), option.name());
            assertTrue(!option.values().isBlank(), option.name());
            assertTrue(option.doc().endsWith(".") && option.doc().split("\\. ").length == 1, option.doc());
            assertEquals(option.defaultValue(), option.parse(option.formatDefault()), option.name());
        }
        LoopbackOptions defaults = LoopbackOptions.defaults();
        assertEquals(Optional.of(PipeChoice.ANY), defaults.feed());
        assertEquals(OutputMode.DEFAULT, defaults.mode());
        assertEquals(PipeFormat.YUYV, defaults.format());
        assertEquals(Optional.empty(), defaults.motionPipe());
    }

    @Test
    void valuesAreReadAndTheCamerasRateIsTheDefault() {
        LoopbackOptions options = LoopbackOptions.parse(Map.of("pipe", "label:porch", "mode", "write",
                "format", "YU12", "motion-pipe", "/dev/video12"));
        PipeSettings feed = options.feedSettings(640, 480, new Fraction(1, 25)).orElseThrow();
        assertEquals(new PipeSettings(new PipeChoice.Labelled("porch"), OutputMode.WRITE, PipeFormat.YU12, 640, 480,
                new Fraction(1, 25)), feed);
        PipeSettings motion = options.motionSettings(320, 240, new Fraction(1, 25)).orElseThrow();
        assertEquals(new PipeChoice.Node(Path.of("/dev/video12")), motion.choice());
        assertEquals(new Fraction(1, 15), LoopbackOptions.parse(Map.of("fps", "15"))
                .feedSettings(640, 480, new Fraction(1, 25)).orElseThrow().interval());
        assertEquals(Optional.empty(), LoopbackOptions.parse(Map.of("pipe", "off")).feedSettings(640, 480,
                new Fraction(1, 25)));
        assertEquals(PipeFormat.GREY, LoopbackOptions.parse(Map.of("format", "gray")).format(), "the usual spellings");
    }

    @Test
    void aBadValueNamesTheOptionTheValueAndWhatIsAccepted() {
        OptionException e = assertThrows(OptionException.class, () -> LoopbackOptions.parse(Map.of("format", "nv12")));
        assertEquals("format", e.option());
        assertEquals("'nv12' is not one of yuyv | yu12 | grey", e.problem());
        assertTrue(e.doc().startsWith("Pixel format of the pipes"), e.doc());
        e = assertThrows(OptionException.class, () -> LoopbackOptions.parse(Map.of("fps", "300")));
        assertEquals("300 is out of range [0, 240]", e.problem());
        e = assertThrows(OptionException.class, () -> LoopbackOptions.parse(Map.of("motion-pipe", "video10")));
        assertEquals("'video10' is not off, any, label:NAME or a device path such as /dev/video10", e.problem());
        e = assertThrows(OptionException.class, () -> LoopbackOptions.parse(Map.of("mdoe", "mmap")));
        assertEquals("unknown option 'mdoe', did you mean 'mode'?", e.problem());
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
        assertThrows(IllegalArgumentException.class,
                () -> new PipeSettings(PipeChoice.OFF, OutputMode.MMAP, PipeFormat.GREY, 320, 240, new Fraction(1, 30)));
    }
}
