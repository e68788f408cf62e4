package org.vigil.kernel.v4l2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fake /proc with processes holding links to a fake device: the holders are found, this process and others are not. */
class DeviceUsersTest {

    @Test
    void theProcessesWhoseDescriptorsPointAtTheDeviceAreNamed(@TempDir Path dir) throws Exception {
        Path device = Files.createFile(dir.resolve("video0"));
        Path other = Files.createFile(dir.resolve("video1"));
        Path proc = Files.createDirectory(dir.resolve("proc"));
        process(proc, 907, "ffmpeg", "ffmpeg\0-i\0x", device);
        process(proc, 812, "java", "java\0-cp\0lib/*\0org.vigil.core.cli.Vigil\0run", device, other);
        process(proc, 1000, "vlc", "vlc", other);
        process(proc, 42, "java", "java\0org.vigil.core.cli.Vigil", device); // this process
        Files.createDirectory(proc.resolve("self-not-a-pid"));
        List<DeviceUsers.User> users = DeviceUsers.of(proc, device, 42);
        assertEquals(List.of(new DeviceUsers.User(812, "vigil"), new DeviceUsers.User(907, "ffmpeg")), users);
        assertEquals("vigil (pid 812), ffmpeg (pid 907)", DeviceUsers.describe(users));
        assertEquals(List.of(), DeviceUsers.of(proc, dir.resolve("missing"), 42));
    }

    private static void process(Path proc, long pid, String comm, String cmdline, Path... open) throws Exception {
        Path process = Files.createDirectory(proc.resolve(Long.toString(pid)));
        Files.writeString(process.resolve("comm"), comm + "\n");
        Files.writeString(process.resolve("cmdline"), cmdline);
        Path fd = Files.createDirectory(process.resolve("fd"));
        for (int i = 0; i < open.length; i++) {
            Files.createSymbolicLink(fd.resolve(Integer.toString(i + 3)), open[i].toRealPath());
        }
    }
}
