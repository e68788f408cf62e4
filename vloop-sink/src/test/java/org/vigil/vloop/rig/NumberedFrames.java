package org.vigil.vloop.rig;

import java.nio.ByteBuffer;

/**
 * Frames that carry their number in their pixels: frame n holds n (big-endian) in its first and last four bytes and
 * a pattern of n and the byte's offset everywhere else, so a byte moved, torn or lost anywhere shows.
 */
final class NumberedFrames {
    private NumberedFrames() {
    }

    static void fill(ByteBuffer image, int bytes, int n) {
        // Built on the heap and copied in one go: a byte-at-a-time loop over a direct buffer is slow under the rig's
        // emulation, and its C1-compiled put(int, byte) has been seen to crash the JVM there.
        byte[] pixels = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            pixels[i] = expected(n, i);
        }
        image.put(0, pixels, 0, bytes);
        image.putInt(0, n);
        image.putInt(bytes - 4, n);
    }

    /** Checks every byte of one frame of {@code bytes} bytes at {@code offset} and returns its number. */
    static int check(byte[] data, int offset, int bytes) {
        int n = wholeFrameNumber(data, offset, bytes);
        requireBody(data, offset, bytes, n, n);
        return n;
    }

    /**
     * A cheap numbered frame for paced runs: the body keeps frame 0's pattern (filled once) and only the first and last
     * four bytes take the number, so numbering costs nothing next to the write being timed.
     */
    static void stamp(ByteBuffer image, int bytes, int n) {
        image.putInt(0, n);
        image.putInt(bytes - 4, n);
    }

    /** Checks a frame made by {@link #fill} with number 0 and then {@link #stamp}ed; returns its number. */
    static int checkStamped(byte[] data, int offset, int bytes) {
        int n = wholeFrameNumber(data, offset, bytes);
        requireBody(data, offset, bytes, 0, n);
        return n;
    }

    /** The number in the first four bytes, after checking that the last four agree (else the frame is torn). */
    private static int wholeFrameNumber(byte[] data, int offset, int bytes) {
        int n = ByteBuffer.wrap(data, offset, 4).getInt();
        int tail = ByteBuffer.wrap(data, offset + bytes - 4, 4).getInt();
        if (tail != n) {
            throw new AssertionError("frame at offset " + offset + " starts as frame " + n + " but ends as frame " + tail
                    + " (torn)");
        }
        return n;
    }

    private static void requireBody(byte[] data, int offset, int bytes, int pattern, int n) {
        for (int i = 4; i < bytes - 4; i++) {
            if (data[offset + i] != expected(pattern, i)) {
                throw new AssertionError("frame " + n + " differs at byte " + i + ": " + (data[offset + i] & 0xff)
                        + " instead of " + (expected(pattern, i) & 0xff));
            }
        }
    }

    private static byte expected(int n, int i) {
        return (byte) (i * 131 + (i >>> 10) + n * 17);
    }
}
