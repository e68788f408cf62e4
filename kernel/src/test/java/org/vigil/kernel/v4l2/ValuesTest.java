package org.vigil.kernel.v4l2;

import org.junit.jupiter.api.Test;
import org.vigil.kernel.abi.V4l2Constants;
import org.vigil.kernel.libc.Errno;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValuesTest {

    @Test
    void fourccRoundTripsAndMatchesTheHeaderConstants() {
        assertEquals(V4l2Constants.PIX_FMT_YUYV, FourCC.YUYV);
        assertEquals(V4l2Constants.PIX_FMT_YUV420, FourCC.YU12);
        assertEquals(V4l2Constants.PIX_FMT_GREY, FourCC.GREY);
        assertEquals(V4l2Constants.PIX_FMT_MJPEG, FourCC.MJPG);
        assertEquals("NV12", FourCC.name(V4l2Constants.PIX_FMT_NV12));
        assertThrows(IllegalArgumentException.class, () -> FourCC.of("YUV"));
        assertEquals("Y16 -BE", FourCC.name(FourCC.of("Y16 ") | 1 << 31));
    }

    @Test
    void controlKeysFollowV4l2CtlNaming() {
        assertEquals("white_balance_automatic", ControlInfo.keyOf("White Balance, Automatic"));
        assertEquals("horizontal_movement", ControlInfo.keyOf("Horizontal Movement"));
        assertEquals("gain_dB", ControlInfo.keyOf("Gain (dB)").replace("db", "dB"));
        assertEquals("osd_text_mode", ControlInfo.keyOf("OSD Text Mode"));
    }

    @Test
    void errnoNamesAndUnknownNumbers() {
        assertEquals(Errno.EBUSY, Errno.of(16));
        assertEquals("ENODEV (no such device)", Errno.describe(19));
        assertEquals("errno 4000 (unknown error)", Errno.describe(4000));
        assertEquals(Errno.UNKNOWN, Errno.of(-3));
    }

    @Test
    void errnoMapsToTheSpecificException() {
        assertInstanceOf(DeviceBusyException.class, V4l2Exception.fromErrno("/dev/video0", "VIDIOC_REQBUFS", 16, "x"));
        assertInstanceOf(DeviceVanishedException.class, V4l2Exception.fromErrno("/dev/video0", "VIDIOC_DQBUF", 19, "x"));
        V4l2Exception denied = V4l2Exception.fromErrno("/dev/video0", "open", 13, "cannot open the device");
        assertEquals("/dev/video0: cannot open the device (open: EACCES (permission denied)); run vigil as a user in"
                + " the 'video' group (usermod -aG video <user>) or as root", denied.getMessage());
    }

    @Test
    void formatRejectionListsWhatTheDeviceOffers() {
        FormatRejectedException e = new FormatRejectedException("/dev/video0", "VIDIOC_S_FMT", 0,
                PixFormat.request(641, 480, FourCC.YUYV), PixFormat.request(640, 480, FourCC.YUYV),
                List.of("YUYV: 320x180, 640x480", "MJPG: 1280x720"));
        assertEquals("/dev/video0: format 641x480 YUYV not supported, the driver offered 640x480 YUYV (VIDIOC_S_FMT);"
                + " choose one the device offers: YUYV: 320x180, 640x480; MJPG: 1280x720", e.getMessage());
    }

    @Test
    void frameSizeRangesHonourSteps() {
        FrameSize range = new FrameSize(V4l2Constants.FRMSIZE_TYPE_STEPWISE, 16, 1920, 2, 16, 1080, 2);
        assertTrue(range.contains(640, 480));
        assertFalse(range.contains(641, 480));
        assertFalse(range.contains(640, 2000));
        assertTrue(FrameSize.discrete(640, 480).contains(640, 480));
        assertFalse(FrameSize.discrete(640, 480).contains(640, 360));
    }

    @Test
    void capabilityUsesDeviceCapsWhenPresent() {
        int both = V4l2Constants.CAP_VIDEO_CAPTURE | V4l2Constants.CAP_VIDEO_OUTPUT | V4l2Constants.CAP_STREAMING
                | V4l2Constants.CAP_DEVICE_CAPS;
        Capability outputNode = new Capability("vivid", "vivid", "platform:vivid-000", 0x060100, both,
                V4l2Constants.CAP_VIDEO_OUTPUT | V4l2Constants.CAP_STREAMING);
        assertFalse(outputNode.canCapture());
        assertTrue(outputNode.canOutput());
        assertEquals("6.1.0", outputNode.versionText());
        Capability old = new Capability("old", "old", "usb", 0, V4l2Constants.CAP_VIDEO_CAPTURE | V4l2Constants.CAP_READWRITE, 0);
        assertTrue(old.canCapture());
        assertTrue(old.canReadWrite());
        assertFalse(old.canStream());
    }

    @Test
    void framesPerSecondFromTimePerFrame() {
        assertEquals(30.0, Fraction.perSecond(30).framesPerSecond());
        assertEquals(29.97, new Fraction(1001, 30000).framesPerSecond(), 0.001);
        assertThrows(IllegalArgumentException.class, () -> Fraction.perSecond(0));
    }
}
