package org.vigil.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionTableTest {

    private final OptionTable table = new OptionTable(List.of(
            OptionSpec.decimal("threshold", 0.001, 0, 1, "Fraction of the watched area that must change."),
            OptionSpec.integer("history", 300, 2, 1000, "Frames of history."),
            OptionSpec.flag("detect-shadows", true, "Ignore shadows.")));

    @Test
    void missingOptionsTakeTheirDefaults() {
        OptionValues values = table.parse(Map.of("history", "50"));
        assertEquals(0.001, values.decimal("threshold"));
        assertEquals(50, values.integer("history"));
        assertTrue(values.flag("detect-shadows"));
    }

    @Test
    void booleansAreWrittenInWords() {
        assertFalse(table.parse(Map.of("detect-shadows", "off")).flag("detect-shadows"));
        assertTrue(table.parse(Map.of("detect-shadows", "Yes")).flag("detect-shadows"));
    }

    @Test
    void outOfRangeNamesTheOptionTheValueAndTheRange() {
        DetectorSetupException e = assertThrows(DetectorSetupException.class, () -> table.parse(Map.of("threshold", "1.5")));
        assertTrue(e.getMessage().contains("threshold = 1.5"), e.getMessage());
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        DetectorSetupException e = assertThrows(DetectorSetupException.class, () -> table.parse(Map.of("treshold", "0.1")));
        assertTrue(e.getMessage().contains("unknown option 'treshold'"), e.getMessage());
        assertTrue(e.getMessage().contains("threshold, history, detect-shadows"), e.getMessage());
    }

    @Test
    void textThatIsNotANumberIsRefused() {
        DetectorSetupException e = assertThrows(DetectorSetupException.class, () -> table.parse(Map.of("history", "3.5")));
        assertTrue(e.getMessage().contains("not a whole number"), e.getMessage());
        assertThrows(DetectorSetupException.class, () -> table.parse(Map.of("threshold", "NaN")));
        assertThrows(DetectorSetupException.class, () -> table.parse(Map.of("detect-shadows", "maybe")));
    }

    @Test
    void everyShippedOptionHasADefaultInRangeAndASentenceOfDocumentation() {
        List<DetectorProvider> providers = DetectorCatalog.load().providers();
        assertEquals(List.of("mog2", "reference"), providers.stream().map(DetectorProvider::name).toList());
        for (DetectorProvider provider : providers) {
            assertFalse(provider.description().isBlank());
            for (OptionSpec spec : provider.options().specs()) {
                assertTrue(spec.min() <= spec.defaultValue() && spec.defaultValue() <= spec.max(), spec.name());
                assertTrue(spec.doc().endsWith(".") && spec.doc().length() > 20, spec.name() + ": " + spec.doc());
                // what the config layer prints must parse back to the same value
                assertEquals(spec.defaultValue(), spec.parse(spec.format(spec.defaultValue())), spec.name());
            }
        }
    }

    @Test
    void optionsOfOneDetectorAreRefusedByAnother() {
        DetectorCatalog catalog = DetectorCatalog.load();
        OptionValues referenceOptions = catalog.provider("reference").options().defaults();
        assertThrows(DetectorSetupException.class,
                () -> catalog.provider("mog2").create(DetectorSetup.of(320, 240, referenceOptions)));
    }

    @Test
    void unknownDetectorNameListsTheAvailableOnes() {
        DetectorSetupException e = assertThrows(DetectorSetupException.class, () -> DetectorCatalog.load().provider("frigate"));
        assertTrue(e.getMessage().contains("mog2, reference"), e.getMessage());
    }
}
