package org.vigil.kernel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real client (v4l2-ctl, ffmpeg, gst-launch-1.0) and returns its output, failing loudly if it fails or hangs. */
public final class ExternalCommand {
    private ExternalCommand() {
    }

    public static String run(List<String> command) throws IOException, InterruptedException {
        return run(command, 60);
    }

    public static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("vigil-cmd", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds
                        + " s:\n" + Files.readString(log));
            }
            String text = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
