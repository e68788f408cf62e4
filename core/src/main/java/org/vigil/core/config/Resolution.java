package org.vigil.core.config;

/** A frame size, written WIDTHxHEIGHT ("640x480"). */
public record Resolution(int width, int height) {
    public static final int MAX = 16384;

    public Resolution {
        if (width < 16 || height < 16 || width > MAX || height > MAX) {
            throw new IllegalArgumentException(width + "x" + height + " is out of range: sizes run from 16x16 to "
                    + MAX + "x" + MAX);
        }
    }

    /** "640x480" (an upper-case X or a multiplication sign are taken too). */
    public static Resolution parse(String text) {
        String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).replace('×', 'x').split("x", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{1,5}") || !parts[1].matches("\\d{1,5}")) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write WIDTHxHEIGHT, e.g. 640x480");
        }
        return new Resolution(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
