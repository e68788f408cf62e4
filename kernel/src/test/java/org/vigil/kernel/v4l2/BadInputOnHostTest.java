package org.vigil.kernel.v4l2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.kernel.libc.Errno;
import org.vigil.kernel.testing.ProcessResources;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad paths need no camera: each gives its own exception type, a message naming the path, and leaks no descriptor. */
class BadInputOnHostTest {

    @Test
    void missingPathIsDeviceNotFound(@TempDir Path dir) {
        ProcessResources before = ProcessResources.now();
        Path missing = dir.resolve("video99");
        DeviceNotFoundException e = assertThrows(DeviceNotFoundException.class, () -> V4l2Device.open(missing));
        assertTrue(e.getMessage().startsWith(missing + ": no such video device"), e.getMessage());
        assertTrue(e.remedy().contains("v4l2-ctl --list-devices"), e.remedy());
        assertEquals(before.descriptorsOn(dir.toString()), ProcessResources.now().descriptorsOn(dir.toString()));
    }

    @Test
    void devNullIsNotAV4l2DeviceAndTheDescriptorIsClosed() {
        ProcessResources before = ProcessResources.now();
        NotAV4l2DeviceException e = assertThrows(NotAV4l2DeviceException.class, () -> V4l2Device.open("/dev/null"));
        assertEquals("VIDIOC_QUERYCAP", e.call());
        assertEquals(Errno.ENOTTY, e.errnoName());
        assertTrue(e.getMessage().contains("/dev/null: a character device, not a V4L2 video device (VIDIOC_QUERYCAP: ENOTTY"),
                e.getMessage());
        assertEquals(before.descriptorsOn("/dev/null"), ProcessResources.now().descriptorsOn("/dev/null"));
    }

    @Test
    void regularFileIsRefusedWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("video0"), "not a camera");
        NotAV4l2DeviceException e = assertThrows(NotAV4l2DeviceException.class, () -> V4l2Device.open(file));
        assertTrue(e.getMessage().contains("a regular file, not a V4L2 video device"), e.getMessage());
    }

    @Test
    void directoryIsRefused(@TempDir Path dir) {
        NotAV4l2DeviceException e = assertThrows(NotAV4l2DeviceException.class, () -> V4l2Device.open(dir));
        assertTrue(e.getMessage().contains("a directory"), e.getMessage());
    }
}
