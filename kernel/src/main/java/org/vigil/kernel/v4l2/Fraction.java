package org.vigil.kernel.v4l2;

/** A V4L2 fraction; used as a time per frame, so 1/30 means 30 frames per second. */
public record Fraction(int numerator, int denominator) {

    /** The time per frame of a frame rate: 30 fps is 1/30 s. */
    public static Fraction perSecond(int framesPerSecond) {
        if (framesPerSecond <= 0) {
            throw new IllegalArgumentException("frame rate must be positive, got " + framesPerSecond);
        }
        return new Fraction(1, framesPerSecond);
    }

    /** Frames per second when this fraction is a time per frame. */
    public double framesPerSecond() {
        return numerator == 0 ? 0 : (double) denominator / numerator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
