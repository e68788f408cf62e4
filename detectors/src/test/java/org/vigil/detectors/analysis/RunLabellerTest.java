package org.vigil.detectors.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.vigil.opencv.OpenCvNatives;

class RunLabellerTest {

    @BeforeAll
    static void natives() {
        OpenCvNatives.load();
    }

    /** Regions as "area left top width height" strings, sorted, from OpenCV's labelling (the oracle). */
    private static List<String> openCv(Mat mask) {
        Mat labels = new Mat(), stats = new Mat(), centroids = new Mat();
        int count = Imgproc.connectedComponentsWithStats(mask, labels, stats, centroids, 8, CvType.CV_32S);
        List<String> regions = new ArrayList<>();
        int[] s = new int[5];
        for (int i = 1; i < count; i++) {
            stats.get(i, 0, s);
            regions.add(s[Imgproc.CC_STAT_AREA] + " " + s[Imgproc.CC_STAT_LEFT] + " " + s[Imgproc.CC_STAT_TOP] + " "
                    + s[Imgproc.CC_STAT_WIDTH] + " " + s[Imgproc.CC_STAT_HEIGHT]);
        }
        regions.sort(null);
        return regions;
    }

    private static List<String> runs(Mat mask) {
        RunLabeller labeller = new RunLabeller(mask.cols(), mask.rows());
        int count = labeller.label(mask);
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            regions.add(labeller.area(i) + " " + labeller.left(i) + " " + labeller.top(i) + " " + labeller.width(i) + " " + labeller.height(i));
        }
        regions.sort(null);
        return regions;
    }

    @Test
    void agreesWithOpenCvOnRandomMasks() {
        Core.setRNGSeed(7);
        for (int density : new int[] {40, 128, 200}) {
            Mat noise = new Mat(97, 131, CvType.CV_8UC1);
            Core.randu(noise, 0, 256);
            Mat mask = new Mat();
            Imgproc.threshold(noise, mask, 255 - density, 255, Imgproc.THRESH_BINARY);
            List<String> expected = openCv(mask);
            assertEquals(expected, runs(mask), "density " + density);
            // blobs rather than salt: closes make long, winding regions that join across many rows
            Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_CLOSE, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3)));
            assertEquals(openCv(mask), runs(mask), "closed, density " + density);
        }
    }

    @Test
    void centreIsTheMeanPixelPosition() {
        Mat mask = Mat.zeros(20, 30, CvType.CV_8UC1);
        Imgproc.rectangle(mask, new org.opencv.core.Point(4, 2), new org.opencv.core.Point(9, 5), new org.opencv.core.Scalar(255), -1);
        RunLabeller labeller = new RunLabeller(30, 20);
        assertEquals(1, labeller.label(mask));
        assertEquals(6.5, labeller.centreX(0), 1e-12);
        assertEquals(3.5, labeller.centreY(0), 1e-12);
        assertEquals(24, labeller.area(0));
    }
}
