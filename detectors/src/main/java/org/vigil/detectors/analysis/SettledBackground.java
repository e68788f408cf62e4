package org.vigil.detectors.analysis;

import java.util.Arrays;


/**
 * How long each part of the reference has held still, on a coarse grid: where nothing has moved for a while, the
 * reference shows settled background (a wall, a bush at rest); where something moved lately, or since the picture
 * was retaken, it may hold a person who stood still or a car about to leave.
 */
final class SettledBackground {

    private static final int GRID_WIDTH = 64;
    private static final double SETTLED_SECONDS = 10;

    private final int columns;
    private final int rows;
    private final double cellWidth;
    private final double cellHeight;
    private final double[] lastMoved; // the clock's time when each cell last held a changed pixel
    private final int width;
    private final int[] columnOf; // cell column of each analysis column
    private final int[] rowOf; // cell row of each analysis row
    private final byte[] zeros;
    private double now;

    SettledBackground(AnalysisGeometry geometry) {
        columns = Math.min(GRID_WIDTH, geometry.width());
        rows = Math.max(1, (int) Math.round((double) columns * geometry.height() / geometry.width()));
        cellWidth = (double) geometry.width() / columns;
        cellHeight = (double) geometry.height() / rows;
        lastMoved = new double[columns * rows];
        width = geometry.width();
        columnOf = new int[geometry.width()];
        for (int x = 0; x < columnOf.length; x++) {
            columnOf[x] = Math.min(columns - 1, (int) (x / cellWidth));
        }
        rowOf = new int[geometry.height()];
        for (int y = 0; y < rowOf.length; y++) {
            rowOf[y] = Math.min(rows - 1, (int) (y / cellHeight));
        }
        zeros = new byte[geometry.pixels()];
    }

    /** The picture was (re)taken: nothing in it is settled yet. */
    void restart() {
        Arrays.fill(lastMoved, now);
    }

    /**
     * Time passes; where the mask of changed pixels (0/255, analysis size) is set, something moves now. Only the set
     * pixels are visited (Arrays.mismatch skips the empty runs in vector steps), so a still frame costs nothing.
     */
    void step(byte[] changed, double seconds) {
        now += seconds;
        int n = changed.length;
        int i = 0;
        while (i < n) {
            int k = Arrays.mismatch(changed, i, n, zeros, i, n);
            if (k < 0) {
                break;
            }
            i += k;
            lastMoved[rowOf[i / width] * columns + columnOf[i % width]] = now;
            i++;
        }
    }

    /** Share (0..1) of the cells under a box (analysis pixels) where nothing has moved for the settled time. */
    double settledShare(int left, int top, int width, int height) {
        int c0 = Math.max(0, (int) (left / cellWidth));
        int c1 = Math.min(columns - 1, (int) ((left + width - 1) / cellWidth));
        int r0 = Math.max(0, (int) (top / cellHeight));
        int r1 = Math.min(rows - 1, (int) ((top + height - 1) / cellHeight));
        int settled = 0;
        int all = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                all++;
                if (now - lastMoved[r * columns + c] >= SETTLED_SECONDS) {
                    settled++;
                }
            }
        }
        return all == 0 ? 0 : (double) settled / all;
    }
}
