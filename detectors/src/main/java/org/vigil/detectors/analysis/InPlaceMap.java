package org.vigil.detectors.analysis;

import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Where the scene has lately changed without anything travelling: a coarse grid that remembers, for about a minute,
 * the cells where leaves, a flag or insects moved (and everything that changed while the detector calibrated). A new
 * region born there is not taken for a newcomer; it must travel first.
 */
final class InPlaceMap implements AutoCloseable {

    private static final int GRID_WIDTH = 32;
    private static final double MEMORY_SECONDS = 60;
    private static final double ACTIVE = 0.25;
    private static final double CHANGED_CELL_LEVEL = 255 * 0.02;

    private final CellGrid cellGrid;
    private final float[] heat;
    private final Mat cells = new Mat();
    private final byte[] cellBytes;
    private final Size grid;
    private final IntConsumer heatUp; // made once: a box's cells are visited without allocating
    private final IntPredicate active;

    InPlaceMap(AnalysisGeometry geometry) {
        cellGrid = new CellGrid(geometry, GRID_WIDTH);
        heat = new float[cellGrid.cells()];
        cellBytes = new byte[cellGrid.cells()];
        grid = new Size(cellGrid.columns(), cellGrid.rows());
        heatUp = cell -> heat[cell] = 1;
        active = cell -> heat[cell] >= ACTIVE;
    }

    void cool(double seconds) {
        float keep = (float) Math.exp(-seconds / MEMORY_SECONDS);
        for (int i = 0; i < heat.length; i++) {
            heat[i] *= keep;
        }
    }

    /** Marks every cell that holds changed pixels (while calibrating, nothing has proved to travel). */
    void markChanged(Mat changed8U) {
        Imgproc.resize(changed8U, cells, grid, 0, 0, Imgproc.INTER_AREA);
        cells.get(0, 0, cellBytes);
        for (int i = 0; i < cellBytes.length; i++) {
            if ((cellBytes[i] & 0xff) > CHANGED_CELL_LEVEL) {
                heat[i] = 1;
            }
        }
    }

    /** Marks the cells under a box given in analysis pixels, and their neighbours. */
    void mark(int left, int top, int width, int height) {
        cellGrid.forEachCell(left, top, width, height, 1, heatUp);
    }

    /** Share (0..1) of the cells under a box (analysis pixels) where in-place change was seen lately. */
    double share(int left, int top, int width, int height) {
        return cellGrid.share(left, top, width, height, active);
    }

    void clear() {
        java.util.Arrays.fill(heat, 0);
    }

    @Override
    public void close() {
        cells.release();
    }
}
