package org.vigil.core.config;

import org.junit.jupiter.api.Test;
import org.vigil.detectors.DetectorCatalog;
import org.vigil.detectors.DetectorProvider;
import org.vigil.options.OptionSpec;
import org.vigil.options.OptionTable;
import org.vigil.vloop.LoopbackOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's configuration reference and conf/vigil.yml are made from the option tables: each test fails when its
 * file no longer matches them. {@code -Dvigil.write.reference=true} rewrites both instead.
 */
class ConfigReferenceTest {
    private static final String REWRITE = "mvn -q -pl core test -DskipRig -Dtest=ConfigReferenceTest -Dvigil.write.reference=true";

    private final Path root = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    private final ConfigReference reference = new ConfigReference(DetectorCatalog.load());

    @Test
    void theReadmesReferenceIsTheOptionTables() throws Exception {
        Path readme = root.resolve("README.md");
        String text = Files.readString(readme);
        String current = reference.replaceIn(text);
        if (Boolean.getBoolean("vigil.write.reference")) {
            Files.writeString(readme, current);
        }
        assertEquals(current, Files.readString(readme), "README.md's configuration reference is stale; run: " + REWRITE);
    }

    @Test
    void theDefaultConfigIsTheOptionTables() throws Exception {
        Path conf = root.resolve("conf/vigil.yml");
        String current = reference.defaultConfig();
        if (Boolean.getBoolean("vigil.write.reference")) {
            Files.writeString(conf, current);
        }
        assertEquals(current, Files.readString(conf), "conf/vigil.yml is stale; run: " + REWRITE);
    }

    /** Both name every option of every table, each with its default, so nothing is missing from either. */
    @Test
    void everyOptionAppearsWithItsDefault() {
        List<OptionTable> tables = new ArrayList<>(List.of(GlobalOptions.TABLE, CameraOptions.TABLE, LoopbackOptions.TABLE,
                AnnotationOptions.TABLE, ZoneOptions.TABLE));
        DetectorCatalog.load().providers().stream().map(DetectorProvider::options).forEach(tables::add);
        String markdown = reference.markdown();
        String config = reference.defaultConfig();
        for (OptionTable table : tables) {
            for (OptionSpec<?> spec : table.specs()) {
                assertTrue(markdown.contains("| `" + spec.name() + "` | "), "reference lacks " + spec.name());
                if (spec.isRequired()) {
                    assertTrue(config.contains(spec.name() + ": "), "conf/vigil.yml lacks " + spec.name());
                    continue;
                }
                assertTrue(markdown.contains("| `" + spec.formatDefault() + "` |"), "reference lacks the default of " + spec.name());
                boolean inConfig = config.contains(spec.name() + ": " + spec.formatDefault())
                        || config.contains(spec.name() + ": \"" + spec.formatDefault() + "\"");
                boolean mog2Only = table == DetectorCatalog.load().provider("mog2").options()
                        && DetectorCatalog.load().provider("reference").options().find(spec.name()).isEmpty();
                assertTrue(inConfig || mog2Only, "conf/vigil.yml lacks " + spec.name() + ": " + spec.formatDefault());
            }
        }
    }
}
