package org.vigil.kernel.v4l2;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.libc.Errno;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every error says once what kind it is, so capture and the sinks react alike. */
class FaultTest {

    @Test
    void kernelErrorsAreClassifiedByErrno() {
        assertEquals(Fault.GONE, V4l2Exception.fromErrno("/dev/video0", "VIDIOC_DQBUF", Errno.ENODEV.code(), "x").fault());
        assertEquals(Fault.GONE, V4l2Exception.fromErrno("/dev/video0", "open", Errno.ENXIO.code(), "x").fault());
        assertEquals(Fault.TRANSIENT, V4l2Exception.fromErrno("/dev/video0", "VIDIOC_DQBUF", Errno.EIO.code(), "x").fault());
        assertEquals(Fault.TRANSIENT, V4l2Exception.fromErrno("/dev/video0", "VIDIOC_REQBUFS", Errno.EBUSY.code(), "x").fault());
        assertEquals(Fault.CONFIG, V4l2Exception.fromErrno("/dev/video0", "open", Errno.EACCES.code(), "x").fault());
        assertEquals(Fault.CONFIG, V4l2Exception.fromErrno("/dev/video0", "VIDIOC_S_FMT", Errno.EINVAL.code(), "x").fault());
        assertEquals(Fault.CONFIG, new V4l2Exception("/dev/video0", null, 0, "vigil's own finding", null).fault());
    }

    @Test
    void eachTypedErrorCarriesItsKind() {
        PixFormat request = PixFormat.request(640, 480, FourCC.YUYV);
        assertEquals(Fault.GONE, new DeviceNotFoundException("/dev/video9", null, 0).fault());
        assertEquals(Fault.GONE, new DeviceVanishedException("/dev/video0", "VIDIOC_QBUF", Errno.ENODEV.code(), "x").fault());
        assertEquals(Fault.TRANSIENT, new DeviceBusyException("/dev/video0", "VIDIOC_REQBUFS", Errno.EBUSY.code(), "x").fault());
        assertEquals(Fault.TRANSIENT, new FrameTimeoutException("/dev/video0", "no frame arrived", 5000).fault());
        assertEquals(Fault.TRANSIENT, new BuffersExhaustedException("/dev/video0", 4).fault());
        assertEquals(Fault.CONFIG, new FormatRejectedException("/dev/video0", "VIDIOC_S_FMT", 0, request, null, List.of()).fault());
        assertEquals(Fault.CONFIG, new NotAV4l2DeviceException("/dev/null", "VIDIOC_QUERYCAP", Errno.ENOTTY.code(), "x").fault());
        assertEquals(Fault.CONFIG, new CannotCaptureException("/dev/video1", "VIDIOC_QUERYCAP", 0, "output only", null).fault());
        assertEquals(Fault.CONFIG, new CannotOutputException("/dev/video0", "a camera", null).fault());
    }
}
