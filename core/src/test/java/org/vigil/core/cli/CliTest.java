package org.vigil.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands' usage and exit statuses: 0 done, 1 failed while running, 2 wrong usage or a config with problems. */
class CliTest {

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "devices", "check-config", "detectors", "events", "push-to-pipe",
                "demo"}) {
            BadConfigCorpusTest.Run run = BadConfigCorpusTest.run(command, "--help");
            assertEquals(0, run.status(), command);
            assertTrue(run.out().startsWith("Usage: vigil " + command), command + ":\n" + run.out());
        }
        BadConfigCorpusTest.Run top = BadConfigCorpusTest.run("--help");
        assertEquals(0, top.status());
        assertTrue(top.out().contains("check-config") && top.out().contains("push-to-pipe"), top.out());
    }

    @Test
    void wrongUsageIsExitTwoWithWhatToDo() {
        BadConfigCorpusTest.Run none = BadConfigCorpusTest.run();
        assertEquals(2, none.status());
        assertTrue(none.err().contains("say what to do: vigil run, vigil devices"), none.err());
        BadConfigCorpusTest.Run unknown = BadConfigCorpusTest.run("watch");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("Unmatched argument at index 0: 'watch'"), unknown.err());
        BadConfigCorpusTest.Run seconds = BadConfigCorpusTest.run("demo", "--seconds", "1");
        assertEquals(2, seconds.status());
        assertTrue(seconds.err().contains("--seconds wants 5 to 3600, not 1"), seconds.err());
    }

    @Test
    void detectorsListsEachDetectorWithItsOptions() {
        BadConfigCorpusTest.Run all = BadConfigCorpusTest.run("detectors");
        assertEquals(0, all.status());
        assertTrue(all.out().contains("mog2: OpenCV's MOG2") && all.out().contains("reference: Compares each frame"), all.out());
        assertTrue(all.out().contains("  threshold          [0, 1], default 0.0004\n"), all.out());
        assertTrue(all.out().contains("  var-threshold"), all.out());
        BadConfigCorpusTest.Run one = BadConfigCorpusTest.run("detectors", "mog2");
        assertEquals(0, one.status());
        assertTrue(one.out().contains("history") && !one.out().contains("reference:"), one.out());
        BadConfigCorpusTest.Run misspelt = BadConfigCorpusTest.run("detectors", "mgo2");
        assertEquals(2, misspelt.status());
        assertEquals("detectors: unknown detector 'mgo2', did you mean 'mog2'?\n", misspelt.err());
    }

    @Test
    void aMissingConfigFileIsUsageWithTheRemedy(@TempDir Path dir) throws Exception {
        BadConfigCorpusTest.Run run = BadConfigCorpusTest.run("run", "-c", dir.resolve("none.yml").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains(dir.resolve("none.yml") + ": no such file: write one (conf/vigil.yml is the "
                + "documented default) or pass -c FILE"), run.err());
        Path good = Files.writeString(dir.resolve("good.yml"), "cameras:\n  porch:\n    device: /dev/video42\n");
        BadConfigCorpusTest.Run check = BadConfigCorpusTest.run("check-config", "-c", good.toString());
        assertEquals(0, check.status(), check.err());
        assertTrue(check.out().contains(good + ": OK, 1 camera\n  porch: /dev/video42, 640x480 auto at 15 fps, detector "
                + "reference at 5.0 fps, feed any"), check.out());
    }
}
