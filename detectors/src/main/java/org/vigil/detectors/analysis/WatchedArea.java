package org.vigil.detectors.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.vigil.detectors.AreaMask;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.DetectorSetupException;
import org.vigil.detectors.Vertex;
import org.vigil.detectors.Zone;

/**
 * The part of the analysis image that is watched (detection mask minus privacy mask) and each zone's share of it,
 * as 0/255 masks at the analysis size, built once per geometry.
 */
final class WatchedArea implements AutoCloseable {

    private final Mat watched;
    private final int watchedPixels;
    private final List<Zone> zones;
    private final List<Mat> zoneMasks = new ArrayList<>();
    private final int[] zonePixels;

    WatchedArea(DetectorSetup setup, AnalysisGeometry geometry) {
        watched = new Mat(geometry.height(), geometry.width(), CvType.CV_8UC1, new Scalar(255));
        restrict(setup.detectionMask(), geometry);
        restrict(setup.privacyMask(), geometry);
        watchedPixels = Core.countNonZero(watched);
        if (watchedPixels == 0) {
            throw new DetectorSetupException("the detection and privacy masks together ignore the whole frame: leave some of it white");
        }
        zones = setup.zones();
        zonePixels = new int[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            Mat mask = polygonMask(zones.get(i), geometry);
            Core.bitwise_and(mask, watched, mask);
            zonePixels[i] = Core.countNonZero(mask);
            if (zonePixels[i] == 0) {
                mask.release();
                throw new DetectorSetupException("zone '" + zones.get(i).name()
                        + "' covers no watched pixel at the analysis size: enlarge it or move it out of the masked area");
            }
            zoneMasks.add(mask);
        }
    }

    private void restrict(Optional<AreaMask> mask, AnalysisGeometry geometry) {
        if (mask.isEmpty()) {
            return;
        }
        AreaMask area = mask.get();
        Mat full = new Mat(area.height(), area.width(), CvType.CV_8UC1);
        Mat scaled = new Mat();
        try {
            full.put(0, 0, area.toGreyBytes());
            Imgproc.resize(full, scaled, new Size(geometry.width(), geometry.height()), 0, 0, Imgproc.INTER_AREA);
            // an analysis pixel is watched when most of the full-frame pixels it stands for are
            Imgproc.threshold(scaled, scaled, 127, 255, Imgproc.THRESH_BINARY);
            Core.bitwise_and(watched, scaled, watched);
        } finally {
            full.release();
            scaled.release();
        }
    }

    private static Mat polygonMask(Zone zone, AnalysisGeometry geometry) {
        Mat mask = Mat.zeros(geometry.height(), geometry.width(), CvType.CV_8UC1);
        Point[] corners = new Point[zone.polygon().size()];
        for (int i = 0; i < corners.length; i++) {
            Vertex v = zone.polygon().get(i);
            corners[i] = new Point(v.x() / geometry.scaleX(), v.y() / geometry.scaleY());
        }
        MatOfPoint polygon = new MatOfPoint(corners);
        Imgproc.fillPoly(mask, List.of(polygon), new Scalar(255));
        polygon.release();
        return mask;
    }

    Mat mask() {
        return watched;
    }

    int pixels() {
        return watchedPixels;
    }

    int zoneCount() {
        return zones.size();
    }

    Zone zone(int index) {
        return zones.get(index);
    }

    Mat zoneMask(int index) {
        return zoneMasks.get(index);
    }

    int zonePixels(int index) {
        return zonePixels[index];
    }

    @Override
    public void close() {
        watched.release();
        zoneMasks.forEach(Mat::release);
    }
}
