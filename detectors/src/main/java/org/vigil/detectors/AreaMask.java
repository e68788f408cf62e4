package org.vigil.detectors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A black-and-white picture of which part of the frame to use: white (above half the maximum grey) is watched,
 * black is ignored. Any size: detectors rescale it to the frame, so it must have the frame's aspect ratio.
 * The same class carries the pipeline's privacy mask, whose black part detectors treat as ignored too.
 */
public final class AreaMask {

    private final String origin;
    private final int width;
    private final int height;
    private final byte[] watched; // one byte a pixel, row by row: 1 watched, 0 ignored

    private AreaMask(String origin, int width, int height, byte[] watched) {
        this.origin = origin;
        this.width = width;
        this.height = height;
        this.watched = watched;
    }

    /** A mask from one value a pixel, row by row: non-zero is watched. */
    public static AreaMask of(String origin, int width, int height, byte[] pixels) {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new DetectorSetupException("mask " + origin + ": " + pixels.length + " values do not make a " + width + "x" + height + " picture");
        }
        byte[] watched = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            watched[i] = (byte) (pixels[i] != 0 ? 1 : 0);
        }
        return new AreaMask(origin, width, height, watched);
    }

    /** Reads a PGM file (binary P5 or plain P2, 8 or 16 bits), as GIMP, ImageMagick or Motion's mask files write it. */
    public static AreaMask readPgm(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DetectorSetupException("mask file " + file + " cannot be read (" + e.getMessage() + "): check the path and its permissions", e);
        }
        return parsePgm(file.toString(), bytes);
    }

    static AreaMask parsePgm(String origin, byte[] bytes) {
        PgmHeader header = PgmHeader.parse(origin, bytes);
        int count = header.width() * header.height();
        byte[] watched = new byte[count];
        int half = header.maxValue() / 2;
        if (header.binary()) {
            int bytesPerValue = header.maxValue() > 255 ? 2 : 1;
            long needed = (long) count * bytesPerValue;
            if (bytes.length - header.dataOffset() < needed) {
                throw new DetectorSetupException("mask file " + origin + " is cut short: a " + header.width() + "x" + header.height()
                        + " PGM needs " + needed + " bytes of pixels but has " + (bytes.length - header.dataOffset()) + "; save the mask again");
            }
            for (int i = 0; i < count; i++) {
                int at = header.dataOffset() + i * bytesPerValue;
                int value = bytesPerValue == 1 ? bytes[at] & 0xff : ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
                watched[i] = (byte) (value > half ? 1 : 0);
            }
        } else {
            String[] values = new String(bytes, header.dataOffset(), bytes.length - header.dataOffset(), StandardCharsets.US_ASCII)
                    .replaceAll("#[^\n]*", " ").strip().split("\\s+");
            if (values.length < count || (count > 0 && values[0].isEmpty())) {
                throw new DetectorSetupException("mask file " + origin + " is cut short: a " + header.width() + "x" + header.height()
                        + " plain PGM needs " + count + " values; save the mask again");
            }
            for (int i = 0; i < count; i++) {
                int value = PgmHeader.number(origin, values[i], "pixel value");
                watched[i] = (byte) (value > half ? 1 : 0);
            }
        }
        return new AreaMask(origin, header.width(), header.height(), watched);
    }

    public String origin() {
        return origin;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean isWatched(int x, int y) {
        return watched[y * width + x] != 0;
    }

    /** The mask as 0/255 bytes, row by row (a copy). */
    public byte[] toGreyBytes() {
        byte[] grey = new byte[watched.length];
        for (int i = 0; i < watched.length; i++) {
            grey[i] = (byte) (watched[i] != 0 ? 255 : 0);
        }
        return grey;
    }

    /** Fails unless this mask can be stretched onto a frame of this size without distorting it. */
    public void checkFits(int frameWidth, int frameHeight, String role) {
        double maskAspect = (double) width / height;
        double frameAspect = (double) frameWidth / frameHeight;
        if (Math.abs(maskAspect / frameAspect - 1) > 0.02) {
            throw new DetectorSetupException(String.format(java.util.Locale.ROOT,
                    "%s %s is %dx%d (aspect %.2f) but the frame is %dx%d (aspect %.2f): draw the mask at the camera's aspect ratio",
                    role, origin, width, height, maskAspect, frameWidth, frameHeight, frameAspect));
        }
    }

    /** Writes the mask as a binary PGM (white watched, black ignored). */
    public byte[] toPgm() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = ("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        out.write(header, 0, header.length);
        byte[] grey = toGreyBytes();
        out.write(grey, 0, grey.length);
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AreaMask other && width == other.width && height == other.height && Arrays.equals(watched, other.watched);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(watched);
    }

    @Override
    public String toString() {
        return "AreaMask[" + origin + " " + width + "x" + height + "]";
    }
}
