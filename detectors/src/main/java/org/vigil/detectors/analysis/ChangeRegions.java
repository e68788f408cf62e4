package org.vigil.detectors.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.vigil.detectors.Box;
import org.vigil.detectors.Centroid;

/**
 * Turns a mask of changed pixels into boxes: nearby fragments of one object are joined by a morphological closing,
 * then labelled as 8-connected regions (Motion's labelling), and small ones dropped. Also measures zones.
 */
final class ChangeRegions implements AutoCloseable {

    private final AnalysisGeometry geometry;
    private final WatchedArea area;
    private final Mat mergeKernel;
    private final Mat merged = new Mat();
    private final RunLabeller labeller;
    private final Mat zoneChange = new Mat();
    private double centroidX = Double.NaN;
    private double centroidY;
    private final int minBoxPixels;

    ChangeRegions(AnalysisGeometry geometry, WatchedArea area, double mergeDistance, double minBoxArea) {
        this.geometry = geometry;
        this.area = area;
        int side = 2 * (int) Math.round(mergeDistance * geometry.width() / 2) + 1;
        this.mergeKernel = side > 1 ? Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(side, side)) : null;
        this.minBoxPixels = Math.max(1, (int) Math.ceil(minBoxArea * geometry.pixels()));
        this.labeller = new RunLabeller(geometry.width(), geometry.height());
    }

    /**
     * Joins nearby fragments and labels the regions; also measures the centre of all changed regions for
     * {@link #centroid()}. Regions are then read through {@link #labels()}, {@link #box} and {@link #large}.
     */
    int label(Mat changed8U) {
        Mat source = changed8U;
        if (mergeKernel != null) {
            Imgproc.morphologyEx(changed8U, merged, Imgproc.MORPH_CLOSE, mergeKernel);
            source = merged;
        }
        int count = labeller.label(source);
        double areaSum = 0;
        centroidX = 0;
        centroidY = 0;
        for (int region = 0; region < count; region++) {
            int area = labeller.area(region);
            areaSum += area;
            centroidX += area * labeller.centreX(region);
            centroidY += area * labeller.centreY(region);
        }
        if (areaSum > 0) {
            centroidX /= areaSum;
            centroidY /= areaSum;
        } else {
            centroidX = Double.NaN;
        }
        return count;
    }

    RunLabeller labels() {
        return labeller;
    }

    /** Whether a region is large enough to be reported as a box. */
    boolean large(int region) {
        return labeller.area(region) >= minBoxPixels;
    }

    /** A labelled region's box in full-frame coordinates. */
    Box box(int region) {
        return box(labeller.left(region), labeller.top(region), labeller.width(region), labeller.height(region));
    }

    /** A box in analysis pixels in full-frame coordinates. */
    Box box(int analysisLeft, int analysisTop, int analysisWidth, int analysisHeight) {
        double sx = geometry.scaleX();
        double sy = geometry.scaleY();
        int left = (int) Math.round(analysisLeft * sx);
        int top = (int) Math.round(analysisTop * sy);
        int right = Math.min(geometry.frameWidth(), (int) Math.round((analysisLeft + analysisWidth) * sx));
        int bottom = Math.min(geometry.frameHeight(), (int) Math.round((analysisTop + analysisHeight) * sy));
        return new Box(left, top, right - left, bottom - top);
    }

    /**
     * Boxes of the changed regions in full-frame coordinates, largest first, and (for {@link #centroid()}) the centre
     * of all changed regions. Allocates the boxes: call on motion frames only.
     */
    List<Box> boxes(Mat changed8U) {
        int count = label(changed8U);
        List<Box> boxes = new ArrayList<>();
        for (int region = 0; region < count; region++) {
            if (large(region)) {
                boxes.add(box(region));
            }
        }
        boxes.sort(Comparator.comparingLong(Box::area).reversed());
        return boxes;
    }

    /**
     * Centre of the changed regions found by the last {@link #boxes} call, in full-frame coordinates: the
     * area-weighted mean of the regions' centres (the regions after joining, so close to the changed pixels' centre).
     */
    Optional<Centroid> centroid() {
        if (Double.isNaN(centroidX)) {
            return Optional.empty();
        }
        return Optional.of(new Centroid((centroidX + 0.5) * geometry.scaleX(), (centroidY + 0.5) * geometry.scaleY()));
    }

    /** Whether zone {@code index} passed its own threshold in this frame. */
    boolean zoneFired(Mat changed8U, int index) {
        Core.bitwise_and(changed8U, area.zoneMask(index), zoneChange);
        return Core.countNonZero(zoneChange) >= area.zone(index).threshold() * area.zonePixels(index);
    }

    @Override
    public void close() {
        if (mergeKernel != null) {
            mergeKernel.release();
        }
        merged.release();
        zoneChange.release();
    }
}
