package org.vigil.detectors.analysis;

import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * A coarse grid over the analysis image, at most a given number of cells wide and with rows in proportion, for
 * maps that remember something per part of the picture rather than per pixel. Boxes are in analysis pixels.
 */
final class CellGrid {

    private final int columns;
    private final int rows;
    private final double cellWidth;
    private final double cellHeight;
    private final int width;
    private final int[] columnOf; // cell column of each analysis column
    private final int[] rowOf; // cell row of each analysis row

    CellGrid(AnalysisGeometry geometry, int maxColumns) {
        columns = Math.min(maxColumns, geometry.width());
        rows = Math.max(1, (int) Math.round((double) columns * geometry.height() / geometry.width()));
        cellWidth = (double) geometry.width() / columns;
        cellHeight = (double) geometry.height() / rows;
        width = geometry.width();
        columnOf = new int[geometry.width()];
        for (int x = 0; x < columnOf.length; x++) {
            columnOf[x] = Math.min(columns - 1, (int) (x / cellWidth));
        }
        rowOf = new int[geometry.height()];
        for (int y = 0; y < rowOf.length; y++) {
            rowOf[y] = Math.min(rows - 1, (int) (y / cellHeight));
        }
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    int cells() {
        return columns * rows;
    }

    /** The cell holding an analysis pixel, given by its index in a row-major image. */
    int cellOfPixel(int pixel) {
        return rowOf[pixel / width] * columns + columnOf[pixel % width];
    }

    /** Visits the cells under a box, grown by {@code margin} cells on every side. */
    void forEachCell(int left, int top, int boxWidth, int boxHeight, int margin, IntConsumer cell) {
        int c1 = lastColumn(left, boxWidth, margin);
        int r1 = lastRow(top, boxHeight, margin);
        for (int r = firstRow(top, margin); r <= r1; r++) {
            for (int c = firstColumn(left, margin); c <= c1; c++) {
                cell.accept(r * columns + c);
            }
        }
    }

    /** Share (0..1) of the cells under a box that pass a test; 0 for a box that covers none. */
    double share(int left, int top, int boxWidth, int boxHeight, IntPredicate test) {
        int c1 = lastColumn(left, boxWidth, 0);
        int r1 = lastRow(top, boxHeight, 0);
        int passed = 0;
        int all = 0;
        for (int r = firstRow(top, 0); r <= r1; r++) {
            for (int c = firstColumn(left, 0); c <= c1; c++) {
                all++;
                if (test.test(r * columns + c)) {
                    passed++;
                }
            }
        }
        return all == 0 ? 0 : (double) passed / all;
    }

    private int firstColumn(int left, int margin) {
        return Math.max(0, (int) (left / cellWidth) - margin);
    }

    private int lastColumn(int left, int boxWidth, int margin) {
        return Math.min(columns - 1, (int) ((left + boxWidth - 1) / cellWidth) + margin);
    }

    private int firstRow(int top, int margin) {
        return Math.max(0, (int) (top / cellHeight) - margin);
    }

    private int lastRow(int top, int boxHeight, int margin) {
        return Math.min(rows - 1, (int) ((top + boxHeight - 1) / cellHeight) + margin);
    }
}
