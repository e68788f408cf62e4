package org.vigil.detectors.analysis;

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

    private final int columns;
    private final int rows;
    private final double cellWidth;
    private final double cellHeight;
    private final float[] heat;
    private final Mat cells = new Mat();
    private final byte[] cellBytes;
    private final Size grid;

    InPlaceMap(AnalysisGeometry geometry) {
        columns = Math.min(GRID_WIDTH, geometry.width());
        rows = Math.max(1, (int) Math.round((double) columns * geometry.height() / geometry.width()));
        cellWidth = (double) geometry.width() / columns;
        cellHeight = (double) geometry.height() / rows;
        heat = new float[columns * rows];
        cellBytes = new byte[columns * rows];
        grid = new Size(columns, rows);
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
        int c0 = Math.max(0, (int) (left / cellWidth) - 1);
        int c1 = Math.min(columns - 1, (int) ((left + width - 1) / cellWidth) + 1);
        int r0 = Math.max(0, (int) (top / cellHeight) - 1);
        int r1 = Math.min(rows - 1, (int) ((top + height - 1) / cellHeight) + 1);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                heat[r * columns + c] = 1;
            }
        }
    }

    /** Share (0..1) of the cells under a box (analysis pixels) where in-place change was seen lately. */
    double share(int left, int top, int width, int height) {
        int c0 = Math.max(0, (int) (left / cellWidth));
        int c1 = Math.min(columns - 1, (int) ((left + width - 1) / cellWidth));
        int r0 = Math.max(0, (int) (top / cellHeight));
        int r1 = Math.min(rows - 1, (int) ((top + height - 1) / cellHeight));
        int active = 0;
        int all = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                all++;
                if (heat[r * columns + c] >= ACTIVE) {
                    active++;
                }
            }
        }
        return all == 0 ? 0 : (double) active / all;
    }

    void clear() {
        java.util.Arrays.fill(heat, 0);
    }

    @Override
    public void close() {
        cells.release();
    }
}
