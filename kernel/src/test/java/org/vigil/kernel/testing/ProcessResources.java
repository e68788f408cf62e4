package org.vigil.kernel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What this process holds of devices, read from /proc/self: the targets of its open descriptors and
 * its memory mappings of device files. Tests compare a snapshot before and after an operation, counting
 * only what points at the device under test, since the JVM opens other files on its own.
 */
public record ProcessResources(List<String> descriptorTargets, List<String> deviceMappings) {

    public static ProcessResources now() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            List<String> targets = fds.map(ProcessResources::target).sorted().toList();
            List<String> maps = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(line -> line.contains(" /dev/")).toList();
            return new ProcessResources(targets, maps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Open descriptors whose target starts with the prefix, e.g. "/dev/video". */
    public long descriptorsOn(String prefix) {
        return descriptorTargets.stream().filter(target -> target.startsWith(prefix)).count();
    }

    /** Mappings of files whose path starts with the prefix. */
    public long mappingsOf(String prefix) {
        return deviceMappings.stream().filter(line -> line.contains(" " + prefix)).count();
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return ""; // the descriptor of the directory listing itself is gone by now
        }
    }
}
