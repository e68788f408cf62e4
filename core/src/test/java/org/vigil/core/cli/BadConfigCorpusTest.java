package org.vigil.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file of src/test/resources/bad-config through `vigil check-config` and `vigil run`: exit 2, and exactly the
 * problems its "# expect: LINE:COLUMN KEY: MESSAGE" lines name (the message as a prefix), each on a line of its own
 * as FILE:LINE:COLUMN: KEY: MESSAGE; nothing opened, nothing written.
 */
class BadConfigCorpusTest {

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(BadConfigCorpusTest.class.getResource("/bad-config").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusCoversAtLeastTwentyCases() throws Exception {
        assertTrue(corpus().count() >= 20, "bad-config has " + corpus().count() + " files");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyProblemIsReportedWithItsPlaceAndNothingIsStarted(Path file) throws Exception {
        List<String> expected = expectations(file);
        Path directory = file.getParent();
        long filesBefore;
        try (Stream<Path> all = Files.walk(directory)) {
            filesBefore = all.count();
        }
        for (String command : List.of("check-config", "run")) {
            Run run = run(command, "-c", file.toString());
            assertEquals(2, run.status, command + " " + file.getFileName() + ":\n" + run.err);
            List<String> problems = run.err.lines().filter(line -> line.startsWith(file.toString())).toList();
            List<String> reported = problems.stream().filter(line -> !line.contains("; nothing was")
                    && !line.startsWith(file + " has ")).toList();
            List<String> unmatched = new ArrayList<>(reported);
            for (String expectation : expected) {
                String prefix = file + ":" + expectation;
                boolean found = unmatched.removeIf(line -> line.startsWith(prefix));
                assertTrue(found, command + ": no problem reported as\n  " + prefix + "\nreported:\n  "
                        + String.join("\n  ", reported));
            }
            assertTrue(unmatched.isEmpty(), command + ": problems beyond those expected:\n  " + String.join("\n  ", unmatched));
            assertTrue(run.out.lines().noneMatch(line -> line.contains("starting")), command + " started something:\n" + run.out);
        }
        try (Stream<Path> all = Files.walk(directory)) {
            assertEquals(filesBefore, all.count(), "nothing written beside the config");
        }
    }

    @Test
    void theDocumentedDefaultConfigAndTheExamplesAreAccepted() throws Exception {
        Path root = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("conf/vigil.yml"));
        try (Stream<Path> examples = Files.list(root.resolve("conf/examples"))) {
            examples.filter(file -> file.toString().endsWith(".yml")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 3, "conf/vigil.yml and at least two examples: " + files);
        for (Path file : files) {
            Run run = run("check-config", "-c", file.toString());
            assertEquals(0, run.status, file + ":\n" + run.err + run.out);
            assertTrue(run.out.contains(file + ": OK"), run.out);
        }
    }

    /** The "LINE:COLUMN: KEY: MESSAGE" prefixes a file's comments expect; for a file-wide problem, "LINE:COLUMN: MESSAGE". */
    private static List<String> expectations(Path file) throws IOException {
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("# expect: ")) {
                String expectation = line.substring("# expect: ".length());
                int space = expectation.indexOf(' ');
                String place = expectation.substring(0, space);
                String rest = expectation.substring(space + 1);
                expected.add(place + ": " + (rest.startsWith(": ") ? rest.substring(2) : rest));
            }
        }
        if (expected.isEmpty()) {
            expected.add("1:1: the file is empty"); // a file with no text has no comments to say so
        }
        return expected;
    }

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        CliRun run = CliRun.of(args);
        return new Run(run.status(), run.out(), run.err());
    }
}
