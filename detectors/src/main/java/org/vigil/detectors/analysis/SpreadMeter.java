package org.vigil.detectors.analysis;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * How widely a change is spread over the frame: the share of watched cells of a coarse grid that hold changed
 * pixels. Moving objects are local; a lighting change that the brightness fit could not explain is everywhere.
 */
final class SpreadMeter implements AutoCloseable {

    private static final int GRID_WIDTH = 16;
    private static final double CHANGED_CELL_LEVEL = 255 * 0.02; // a cell with 2% of its pixels changed counts

    private final Size grid;
    private final Mat watchedCells = new Mat();
    private final Mat changedCells = new Mat();
    private final int watchedCellCount;

    SpreadMeter(WatchedArea area, AnalysisGeometry geometry) {
        int width = Math.min(GRID_WIDTH, geometry.width());
        int height = Math.max(1, (int) Math.round((double) width * geometry.height() / geometry.width()));
        grid = new Size(width, height);
        Imgproc.resize(area.mask(), watchedCells, grid, 0, 0, Imgproc.INTER_AREA);
        Imgproc.threshold(watchedCells, watchedCells, 127, 255, Imgproc.THRESH_BINARY);
        watchedCellCount = Math.max(1, Core.countNonZero(watchedCells));
    }

    /** Fraction (0..1) of the watched cells that hold changed pixels. */
    double measure(Mat changed8U) {
        Imgproc.resize(changed8U, changedCells, grid, 0, 0, Imgproc.INTER_AREA);
        Imgproc.threshold(changedCells, changedCells, CHANGED_CELL_LEVEL, 255, Imgproc.THRESH_BINARY);
        Core.bitwise_and(changedCells, watchedCells, changedCells);
        return (double) Core.countNonZero(changedCells) / watchedCellCount;
    }

    @Override
    public void close() {
        watchedCells.release();
        changedCells.release();
    }
}
