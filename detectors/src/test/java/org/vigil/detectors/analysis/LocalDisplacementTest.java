package org.vigil.detectors.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.vigil.opencv.OpenCvNatives;

class LocalDisplacementTest {

    private static final int W = 80;
    private static final int H = 60;
    private static final AnalysisGeometry GEOMETRY = AnalysisGeometry.of(W, H, W, H, W);

    @BeforeAll
    static void natives() {
        OpenCvNatives.load();
    }

    private static Mat texture() {
        Mat noise = new Mat(H, W, CvType.CV_8UC1);
        Core.setRNGSeed(3);
        Core.randu(noise, 40, 220);
        Imgproc.GaussianBlur(noise, noise, new Size(0, 0), 1.5);
        Core.normalize(noise, noise, 30, 220, Core.NORM_MINMAX);
        return noise;
    }

    private static Mat shifted(Mat image, double dx, double dy) {
        Mat warp = new Mat(2, 3, CvType.CV_64F);
        warp.put(0, 0, 1, 0, dx, 0, 1, dy);
        Mat moved = new Mat();
        Imgproc.warpAffine(image, moved, warp, image.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        return moved;
    }

    private static byte[] changed(Mat frame, Mat expected) {
        Mat difference = new Mat();
        Core.absdiff(frame, expected, difference);
        Imgproc.threshold(difference, difference, 10, 255, Imgproc.THRESH_BINARY);
        byte[] mask = new byte[W * H];
        difference.get(0, 0, mask);
        return mask;
    }

    @Test
    void theBackgroundMovedByAPixelOrTwoIsExplainedAndSomethingNewIsNot() {
        Mat reference = texture();
        LocalDisplacement displacement = new LocalDisplacement(GEOMETRY);

        Mat swayed = shifted(reference, 1.5, -1);
        displacement.frame(swayed, reference, 4);
        double sway = displacement.explainedShare(changed(swayed, reference), 10, 10, 60, 40);
        assertTrue(sway >= 0.9, "a sway of 1.5 px: explained " + sway);

        Mat person = reference.clone();
        person.submat(new Rect(30, 15, 12, 30)).setTo(new Scalar(250));
        displacement.frame(person, reference, 4);
        double novel = displacement.explainedShare(changed(person, reference), 30, 15, 12, 30);
        assertTrue(novel < 0.25, "a bright body over the texture: explained " + novel);
    }
}
