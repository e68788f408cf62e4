package org.vigil.detectors;

/** The header of a PGM file: magic number, size, maximum grey value, and where the pixels start. */
record PgmHeader(boolean binary, int width, int height, int maxValue, int dataOffset) {

    static PgmHeader parse(String origin, byte[] bytes) {
        if (bytes.length < 2 || bytes[0] != 'P' || (bytes[1] != '5' && bytes[1] != '2')) {
            String start = bytes.length >= 2 ? "'" + (char) bytes[0] + (char) bytes[1] + "'" : "nothing";
            throw new DetectorSetupException("mask file " + origin + " is not a PGM picture (it starts with " + start
                    + ", not P5 or P2): save the mask as a greyscale PGM, white = watch, black = ignore");
        }
        int[] at = {2};
        int width = number(origin, token(origin, bytes, at), "width");
        int height = number(origin, token(origin, bytes, at), "height");
        int maxValue = number(origin, token(origin, bytes, at), "maximum grey value");
        if (width <= 0 || height <= 0 || (long) width * height > 64L * 1024 * 1024) {
            throw new DetectorSetupException("mask file " + origin + " claims a size of " + width + "x" + height + ": save the mask again at the camera's resolution");
        }
        if (maxValue <= 0 || maxValue > 65535) {
            throw new DetectorSetupException("mask file " + origin + " has a maximum grey value of " + maxValue + "; PGM allows 1 to 65535: save the mask again");
        }
        // exactly one whitespace byte separates the header from binary pixels
        return new PgmHeader(bytes[1] == '5', width, height, maxValue, at[0] + 1);
    }

    private static String token(String origin, byte[] bytes, int[] at) {
        int i = at[0];
        while (i < bytes.length) {
            if (bytes[i] == '#') {
                while (i < bytes.length && bytes[i] != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(bytes[i])) {
                i++;
            } else {
                break;
            }
        }
        int start = i;
        while (i < bytes.length && !Character.isWhitespace(bytes[i]) && bytes[i] != '#') {
            i++;
        }
        if (start == i) {
            throw new DetectorSetupException("mask file " + origin + " ends inside its header: save the mask again as a PGM");
        }
        at[0] = i;
        return new String(bytes, start, i - start, java.nio.charset.StandardCharsets.US_ASCII);
    }

    static int number(String origin, String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DetectorSetupException("mask file " + origin + ": the " + what + " '" + text + "' is not a number: save the mask again as a PGM");
        }
    }
}
