package org.vigil.detectors.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Moments;
import org.vigil.detectors.Box;
import org.vigil.detectors.Centroid;

/**
 * Turns a mask of changed pixels into boxes: nearby fragments of one object are joined by a morphological closing,
 * then labelled as connected components (Motion's labelling), and small ones dropped. Also measures zones.
 */
final class ChangeRegions implements AutoCloseable {

    private final AnalysisGeometry geometry;
    private final WatchedArea area;
    private final Mat mergeKernel;
    private final Mat merged = new Mat();
    private final Mat labels = new Mat();
    private final Mat stats = new Mat();
    private final Mat centroids = new Mat();
    private final Mat zoneChange = new Mat();
    private final int[] stat = new int[Imgproc.CC_STAT_MAX];
    private final int minBoxPixels;

    ChangeRegions(AnalysisGeometry geometry, WatchedArea area, double mergeDistance, double minBoxArea) {
        this.geometry = geometry;
        this.area = area;
        int side = 2 * (int) Math.round(mergeDistance * geometry.width() / 2) + 1;
        this.mergeKernel = side > 1 ? Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(side, side)) : null;
        this.minBoxPixels = Math.max(1, (int) Math.ceil(minBoxArea * geometry.pixels()));
    }

    /** Boxes of the changed regions in full-frame coordinates, largest first. Allocates: call on motion frames only. */
    List<Box> boxes(Mat changed8U) {
        Mat source = changed8U;
        if (mergeKernel != null) {
            Imgproc.morphologyEx(changed8U, merged, Imgproc.MORPH_CLOSE, mergeKernel);
            source = merged;
        }
        int count = Imgproc.connectedComponentsWithStats(source, labels, stats, centroids, 8, CvType.CV_32S);
        List<Box> boxes = new ArrayList<>();
        double sx = geometry.scaleX();
        double sy = geometry.scaleY();
        for (int label = 1; label < count; label++) {
            stats.get(label, 0, stat);
            if (stat[Imgproc.CC_STAT_AREA] < minBoxPixels) {
                continue;
            }
            int left = (int) Math.round(stat[Imgproc.CC_STAT_LEFT] * sx);
            int top = (int) Math.round(stat[Imgproc.CC_STAT_TOP] * sy);
            int right = Math.min(geometry.frameWidth(), (int) Math.round((stat[Imgproc.CC_STAT_LEFT] + stat[Imgproc.CC_STAT_WIDTH]) * sx));
            int bottom = Math.min(geometry.frameHeight(), (int) Math.round((stat[Imgproc.CC_STAT_TOP] + stat[Imgproc.CC_STAT_HEIGHT]) * sy));
            boxes.add(new Box(left, top, right - left, bottom - top));
        }
        boxes.sort(Comparator.comparingLong(Box::area).reversed());
        return boxes;
    }

    /** Centre of the changed pixels in full-frame coordinates. */
    Optional<Centroid> centroid(Mat changed8U) {
        Moments moments = Imgproc.moments(changed8U, true);
        if (moments.m00 == 0) {
            return Optional.empty();
        }
        return Optional.of(new Centroid((moments.m10 / moments.m00 + 0.5) * geometry.scaleX(),
                (moments.m01 / moments.m00 + 0.5) * geometry.scaleY()));
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
        labels.release();
        stats.release();
        centroids.release();
        zoneChange.release();
    }
}
