package org.vigil.core.record;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How often each frame goes into a constant-rate movie ({@link MovieRecording#repeats}). */
class MovieTimingTest {
    private static final long PERIOD = 100_000_000L; // 10 fps

    /** The movie's frames for frames taken at these offsets (in periods) from the first. */
    private static String movie(double... periods) {
        StringBuilder out = new StringBuilder();
        long written = 1; // the first frame, once
        out.append(0);
        for (int i = 1; i < periods.length; i++) {
            long n = MovieRecording.repeats(Math.round(periods[i] * PERIOD), 10, written);
            for (long r = 0; r < n; r++) {
                out.append(',').append(i);
            }
            written += n;
        }
        return out.toString();
    }

    @Test
    void jitterNeitherRepeatsNorDropsAFrame() {
        assertEquals("0,1,2,3,4,5,6", movie(0, 1.8, 2.1, 2.95, 4.6, 4.9, 6.0));
    }

    @Test
    void timeTheRingDidNotKeepIsFilledByRepeatingAFrame() {
        assertEquals("0,1,1,1,2,2,2,3", movie(0, 3, 6, 7)); // pre-capture at a third of the rate, then every frame
    }

    @Test
    void framesFasterThanTheRateAreThinned() {
        assertEquals("0,1,2,3,4,6,8", movie(0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5)); // at most 2 ahead
    }
}
