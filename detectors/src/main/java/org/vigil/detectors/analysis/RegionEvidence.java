package org.vigil.detectors.analysis;

import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * What the scene says about a changed region, for the {@link RegionTracker} to judge by. Boxes are in analysis
 * pixels.
 */
final class RegionEvidence {

    private static final double AMONG_RESTLESS = 0.5; // share of in-place cells under a region
    private static final double SOLID = 0.3; // share of a new region's box that changed: a body, not scattered specks
    private static final double BLINKING = 0.5; // share of a region's pixels that blink
    private static final double SETTLED = 0.5; // share of a region's box where the background has settled
    private static final double DISPLACED = 0.5; // share of a region's change that a small displacement explains
    private static final double NOVEL = 0.25; // below this share explained, a region shows what was not there

    private final InPlaceMap inPlace;
    private final BlinkMap blink;
    private final SettledBackground settled;
    private final LocalDisplacement displacement;
    private final Mat changed;

    RegionEvidence(InPlaceMap inPlace, BlinkMap blink, SettledBackground settled, LocalDisplacement displacement, Mat changed8U) {
        this.inPlace = inPlace;
        this.blink = blink;
        this.settled = settled;
        this.displacement = displacement;
        this.changed = changed8U;
    }

    /** Born where in-place change (leaves, a flag, insects) was seen lately. */
    boolean amongRestless(int left, int top, int width, int height) {
        return inPlace.share(left, top, width, height) >= AMONG_RESTLESS;
    }

    /** Enough of its box changed to be a body rather than scattered specks. */
    boolean solid(int left, int top, int width, int height) {
        Mat box = changed.submat(top, top + height, left, left + width);
        int count = Core.countNonZero(box);
        box.release();
        return count >= SOLID * width * height;
    }

    /** Most of its pixels have been switching on and off lately. */
    boolean blinking(int left, int top, int width, int height) {
        return blink.blinkingShare(left, top, width, height) >= BLINKING;
    }

    /**
     * How many of the changed pixels in a box do not blink, with their centre in {@code centre} (x, y): what a body
     * passing among leaves brings.
     */
    int steadyChange(int left, int top, int width, int height, double[] centre) {
        return blink.steadyChange(left, top, width, height, centre);
    }

    /** The background under it has held still for a while: the reference shows scenery, not someone who stood there. */
    boolean onSettledBackground(int left, int top, int width, int height) {
        return settled.settledShare(left, top, width, height) >= SETTLED;
    }

    /** Most of its change is the background moved by a pixel or two. */
    boolean displaced(int left, int top, int width, int height) {
        return displacement.explainedShare(blink.lastMask(), left, top, width, height) >= DISPLACED;
    }

    /** It clearly shows what was not there: little of its change is the background displaced. */
    boolean novel(int left, int top, int width, int height) {
        return displacement.explainedShare(blink.lastMask(), left, top, width, height) < NOVEL;
    }
}
