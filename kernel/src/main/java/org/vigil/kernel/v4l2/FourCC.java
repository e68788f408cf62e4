package org.vigil.kernel.v4l2;

import java.nio.charset.StandardCharsets;

/** V4L2 pixel format codes: four ASCII characters packed little-endian, as v4l2_fourcc() does. */
public final class FourCC {
    public static final int YUYV = of("YUYV");
    public static final int YU12 = of("YU12");
    public static final int NV12 = of("NV12");
    public static final int GREY = of("GREY");
    public static final int MJPG = of("MJPG");

    private FourCC() {
    }

    public static int of(String code) {
        byte[] chars = code.getBytes(StandardCharsets.US_ASCII);
        if (chars.length != 4) {
            throw new IllegalArgumentException("a pixel format code has four characters, got '" + code + "'");
        }
        return (chars[0] & 0xff) | (chars[1] & 0xff) << 8 | (chars[2] & 0xff) << 16 | (chars[3] & 0xff) << 24;
    }

    /**
     * "YUYV" for 0x56595559; a trailing space is kept, as in "Y16 ", and the big-endian flag
     * (bit 31, v4l2_fourcc_be) shows as "-BE", the way v4l2-ctl prints it.
     */
    public static String name(int code) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            chars[i] = (char) (code >>> (8 * i) & 0x7f);
        }
        return code < 0 ? new String(chars) + "-BE" : new String(chars);
    }
}
