package org.vigil.kernel.v4l2;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes that hold a device open, found the way fuser(1) finds them: every /proc/PID/fd link that points at
 * the node. Processes of other users stay hidden unless this one may read their /proc entries (root, or the same
 * user), as with fuser.
 */
public final class DeviceUsers {
    private static final Path PROC = Path.of("/proc");

    /** One process holding the device. */
    public record User(long pid, String command) {
        @Override
        public String toString() {
            return command + " (pid " + pid + ")";
        }
    }

    private DeviceUsers() {
    }

    /** The processes other than this one that hold the device (links followed, so a by-id path works too). */
    public static List<User> of(Path device) {
        return of(PROC, device, ProcessHandle.current().pid());
    }

    static List<User> of(Path proc, Path device, long self) {
        Path target;
        try {
            target = device.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        List<User> users = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, entry -> entry.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid != self && holds(process.resolve("fd"), target)) {
                    users.add(new User(pid, command(process)));
                }
            }
        } catch (IOException e) {
            return users;
        }
        users.sort((a, b) -> Long.compare(a.pid(), b.pid()));
        return users;
    }

    /** "vigil (pid 812), ffmpeg (pid 907)", or "no other process (that this user may see)". */
    public static String describe(List<User> users) {
        if (users.isEmpty()) {
            return "no other process that this user may see";
        }
        return String.join(", ", users.stream().map(User::toString).toList());
    }

    private static boolean holds(Path fds, Path target) {
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
            for (Path link : links) {
                try {
                    if (Files.readSymbolicLink(link).equals(target)) {
                        return true;
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            return false; // another user's process, or gone
        }
        return false;
    }

    /** The program's name as ps shows it: comm, or the first word of the command line for a java that names its main. */
    private static String command(Path process) {
        try {
            String comm = Files.readString(process.resolve("comm")).strip();
            if (comm.equals("java")) {
                String[] args = Files.readString(process.resolve("cmdline")).split("\0");
                for (int i = 0; i < args.length; i++) {
                    if (args[i].equals("org.vigil.core.cli.Vigil") || args[i].endsWith("vigil-core.jar")) {
                        return "vigil";
                    }
                }
            }
            return comm;
        } catch (IOException e) {
            return "?";
        }
    }
}
