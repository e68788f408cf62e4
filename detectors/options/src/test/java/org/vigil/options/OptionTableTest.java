package org.vigil.options;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionTableTest {
    enum Mode { AUTO, WRITE, MMAP, SLOW_START }

    private final OptionTable table = OptionTable.of(
            OptionSpec.decimal("threshold", 0.001, 0, 1, "Fraction of the watched area that must change."),
            OptionSpec.integer("history", 300, 2, 1000, "Frames of history."),
            OptionSpec.flag("detect-shadows", true, "Ignore shadows."),
            OptionSpec.choice("mode", Mode.class, Mode.AUTO, "How frames travel."),
            OptionSpec.of("pipe", TextType.of(String.class, text -> {
                if (!text.startsWith("/dev/")) {
                    throw new IllegalArgumentException("'" + text + "' is not a /dev path");
                }
                return text;
            }, text -> text, "/dev/videoN"), "/dev/video10", "Where frames go."));

    @Test
    void missingOptionsTakeTheirDefaults() {
        OptionValues values = table.parse(Map.of("history", "50"));
        assertEquals(0.001, values.decimal("threshold"));
        assertEquals(50, values.integer("history"));
        assertTrue(values.flag("detect-shadows"));
        assertEquals("auto", values.text("mode"));
        assertEquals("/dev/video10", values.text("pipe"));
    }

    @Test
    void booleansAreWrittenInWords() {
        assertFalse(table.parse(Map.of("detect-shadows", "off")).flag("detect-shadows"));
        assertTrue(table.parse(Map.of("detect-shadows", "Yes")).flag("detect-shadows"));
    }

    @Test
    void aProblemCarriesTheOptionWhatIsWrongAndTheDocumentationApart() {
        OptionException e = assertThrows(OptionException.class, () -> table.parse(Map.of("threshold", "1.5")));
        assertEquals("threshold", e.option());
        assertEquals("1.5 is out of range [0, 1]", e.problem());
        assertEquals("Fraction of the watched area that must change.", e.doc());
        assertEquals("option threshold: 1.5 is out of range [0, 1]: Fraction of the watched area that must change.",
                e.getMessage());
    }

    @Test
    void anUnknownOptionNamesTheNearestOrListsTheKnownOnes() {
        OptionException near = assertThrows(OptionException.class, () -> table.parse(Map.of("treshold", "0.1")));
        assertEquals("unknown option 'treshold', did you mean 'threshold'?", near.problem());
        OptionException far = assertThrows(OptionException.class, () -> table.parse(Map.of("colour", "red")));
        assertTrue(far.problem().contains("known options are threshold, history, detect-shadows, mode, pipe"), far.problem());
    }

    @Test
    void textOfTheWrongFormIsRefusedWithWhatWouldBeRight() {
        assertEquals("'3.5' is not a whole number: write an integer in [2, 1000]",
                assertThrows(OptionException.class, () -> table.parse(Map.of("history", "3.5"))).problem());
        assertThrows(OptionException.class, () -> table.parse(Map.of("threshold", "NaN")));
        assertThrows(OptionException.class, () -> table.parse(Map.of("threshold", "1d")));
        assertEquals("'maybe' is not a boolean: write true or false",
                assertThrows(OptionException.class, () -> table.parse(Map.of("detect-shadows", "maybe"))).problem());
        assertEquals("'mmpa' is not one of auto | write | mmap | slow-start: did you mean 'mmap'?",
                assertThrows(OptionException.class, () -> table.parse(Map.of("mode", "mmpa"))).problem());
        assertEquals("'video10' is not a /dev path",
                assertThrows(OptionException.class, () -> table.parse(Map.of("pipe", "video10"))).problem());
    }

    @Test
    void choicesAreWrittenInLowerCaseWithDashes() {
        assertEquals(Mode.SLOW_START, table.parse(Map.of("mode", "slow-start")).value(modeSpec()));
        assertEquals("slow-start", table.spec("mode").format(Mode.SLOW_START));
    }

    @Test
    void everyDefaultPrintsAsTextThatParsesBackToItself() {
        for (OptionSpec<?> spec : table.specs()) {
            assertEquals(spec.defaultValue(), spec.parse(spec.formatDefault()), spec.name());
        }
        assertEquals("0.0003", OptionSpec.decimal("x", 0.0003, 0, 1, "X.").formatDefault());
    }

    @Test
    void valuesFromCodeAreCheckedToo() {
        assertEquals(20, table.of(Map.of("history", 20)).integer("history"));
        assertThrows(OptionException.class, () -> table.of(Map.of("history", 1)));
        assertThrows(OptionException.class, () -> table.of(Map.of("history", 2.5)));
        assertThrows(IllegalArgumentException.class, () -> OptionSpec.integer("x", 5, 10, 20, "X."));
        assertThrows(IllegalArgumentException.class, () -> OptionSpec.integer("Bad_Name", 5, 0, 20, "X."));
        assertThrows(IllegalArgumentException.class, () -> new OptionTable(List.of(
                OptionSpec.flag("a", true, "A."), OptionSpec.flag("a", false, "A."))));
    }

    @Test
    void equalValuesOfOneTableAreEqual() {
        assertEquals(table.parse(Map.of("history", "50")), table.defaults().with("history", 50L));
        assertFalse(table.defaults().equals(table.parse(Map.of("history", "50"))));
    }

    @SuppressWarnings("unchecked")
    private OptionSpec<Mode> modeSpec() {
        return (OptionSpec<Mode>) table.spec("mode");
    }
}
