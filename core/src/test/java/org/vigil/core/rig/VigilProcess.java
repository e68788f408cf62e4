package org.vigil.core.rig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/vigil run, in its own process, its output in a file. */
final class VigilProcess {
    private final Process process;
    private final Path log;

    private VigilProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static VigilProcess run(Path config) throws Exception {
        Path launcher = Footage.root().resolve("core/target/vigil/bin/vigil");
        assertTrue(Files.isExecutable(launcher), launcher + " (the build's package phase makes it)");
        Path log = Files.createTempFile("vigil-daemon", ".log");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "run", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("VIGIL_JAVA_OPTS", "-XX:TieredStopAtLevel=1"); // as the rig's other JVMs (see the README)
        return new VigilProcess(builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    List<String> lines(String contains) throws IOException {
        return log().lines().filter(line -> line.contains(contains)).toList();
    }

    long count(String regex) throws IOException {
        Pattern pattern = Pattern.compile(regex);
        return log().lines().filter(line -> pattern.matcher(line).find()).count();
    }

    void awaitLog(String regex, int count, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (count(regex) < count) {
            if (!process.isAlive() && count(regex) < count) {
                throw new AssertionError("vigil exited (" + process.exitValue() + ") before /" + regex + "/:\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line matching /" + regex + "/ within " + seconds + " s:\n" + log());
            }
            Thread.sleep(100);
        }
    }

    void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    int terminate(Duration timeout) throws Exception {
        signal("TERM");
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("vigil did not exit within " + timeout + " of SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    void kill() throws Exception {
        process.destroyForcibly().waitFor();
    }

    /**
     * SIGKILL for vigil and, at the same instant, every process it started (ffmpeg): what a power cut leaves, worse
     * than vigil alone dying, after which ffmpeg would still finish its file.
     */
    void killWithChildren() throws Exception {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
    }
}
