package org.vigil.detectors.analysis;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * How long each part of the reference has held still, on a coarse grid: where nothing has moved for a while, the
 * reference shows settled background (a wall, a bush at rest); where something moved lately, or since the picture
 * was retaken, it may hold a person who stood still or a car about to leave.
 */
final class SettledBackground {

    private static final int GRID_WIDTH = 64;
    private static final double SETTLED_SECONDS = 10;

    private final CellGrid grid;
    private final double[] lastMoved; // the clock's time when each cell last held a changed pixel
    private final byte[] zeros;
    private final IntPredicate settled; // made once: a box's cells are tested without allocating
    private double now;

    SettledBackground(AnalysisGeometry geometry) {
        grid = new CellGrid(geometry, GRID_WIDTH);
        lastMoved = new double[grid.cells()];
        zeros = new byte[geometry.pixels()];
        settled = cell -> now - lastMoved[cell] >= SETTLED_SECONDS;
    }

    /** The picture was (re)taken: nothing in it is settled yet. */
    void restart() {
        Arrays.fill(lastMoved, now);
    }

    /**
     * Time passes; where the mask of changed pixels (0/255, analysis size) is set, something moves now. Only the set
     * pixels are visited ({@link MaskScan}), so a still frame costs nothing.
     */
    void step(byte[] changed, double seconds) {
        now += seconds;
        for (int i = MaskScan.nextDifference(changed, zeros, 0); i >= 0; i = MaskScan.nextDifference(changed, zeros, i + 1)) {
            lastMoved[grid.cellOfPixel(i)] = now;
        }
    }

    /** Share (0..1) of the cells under a box (analysis pixels) where nothing has moved for the settled time. */
    double settledShare(int left, int top, int width, int height) {
        return grid.share(left, top, width, height, settled);
    }
}
