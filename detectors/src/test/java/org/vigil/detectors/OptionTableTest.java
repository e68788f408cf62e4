package org.vigil.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigil.options.OptionException;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionValues;

/** The shipped detectors' option tables (the table mechanism itself is tested in the options module). */
class OptionTableTest {

    @Test
    void everyShippedOptionHasADefaultInRangeAndASentenceOfDocumentation() {
        List<DetectorProvider> providers = DetectorCatalog.load().providers();
        assertEquals(List.of("mog2", "reference"), providers.stream().map(DetectorProvider::name).toList());
        for (DetectorProvider provider : providers) {
            assertFalse(provider.description().isBlank());
            for (OptionSpec<?> spec : provider.options().specs()) {
                assertTrue(spec.doc().endsWith(".") && spec.doc().length() > 20, spec.name() + ": " + spec.doc());
                // what the config layer prints must parse back to the same value
                assertEquals(spec.defaultValue(), spec.parse(spec.formatDefault()), spec.name());
            }
        }
    }

    @Test
    void aValueOutOfRangeNamesTheRangeAndTheOptionsPurpose() {
        OptionException e = assertThrows(OptionException.class,
                () -> DetectorCatalog.load().provider("reference").options().parse(Map.of("threshold", "1.5")));
        assertEquals("1.5 is out of range [0, 1]", e.problem());
        assertTrue(e.doc().startsWith("Fraction of the watched area that must change"), e.doc());
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
