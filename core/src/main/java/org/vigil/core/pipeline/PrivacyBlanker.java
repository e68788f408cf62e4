package org.vigil.core.pipeline;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.vigil.detectors.AreaMask;
import org.vigil.vloop.image.ImageLayout;
import org.vigil.vloop.image.PipeImage;

/**
 * Blanks the privacy mask's black part: in every pipe picture before anything is drawn on it, and in the detector's
 * grey picture, so the area is never seen nor looked at. The masks are made once at each size a picture comes in;
 * blanking is one masked copy of a black picture per plane, with nothing allocated.
 */
final class PrivacyBlanker implements AutoCloseable {
    private final Mat pictureMask;
    private final Mat chromaMask;
    private final Mat blankPicture;
    private final Mat blankChroma;
    private final ImageLayout layout;

    /** For pictures of the pipe's layout at this size. */
    PrivacyBlanker(AreaMask mask, ImageLayout layout, int width, int height) {
        this.layout = layout;
        this.pictureMask = privateArea(mask, width, height);
        if (layout == ImageLayout.I420) {
            chromaMask = privateArea(mask, width / 2, height / 2);
            blankPicture = new Mat(height, width, CvType.CV_8UC1, new Scalar(YuvColour.BLACK.y));
            blankChroma = new Mat(height / 2, width / 2, CvType.CV_8UC1, new Scalar(128));
        } else {
            chromaMask = null;
            blankChroma = null;
            blankPicture = layout == ImageLayout.YUYV
                    ? new Mat(height, width, CvType.CV_8UC2, YuvColour.BLACK.pair)
                    : new Mat(height, width, CvType.CV_8UC1, new Scalar(YuvColour.BLACK.y));
        }
    }

    /** 255 where the mask is black (private), 0 where it is watched, at this size (nearest mask pixel). */
    static Mat privateArea(AreaMask mask, int width, int height) {
        byte[] area = new byte[width * height];
        for (int y = 0; y < height; y++) {
            int my = Math.min(mask.height() - 1, (int) ((y + 0.5) * mask.height() / height));
            for (int x = 0; x < width; x++) {
                int mx = Math.min(mask.width() - 1, (int) ((x + 0.5) * mask.width() / width));
                area[y * width + x] = (byte) (mask.isWatched(mx, my) ? 0 : 255);
            }
        }
        Mat mat = new Mat(height, width, CvType.CV_8UC1);
        mat.put(0, 0, area);
        return mat;
    }

    void blank(PipeImage picture) {
        if (layout == ImageLayout.I420) {
            blankPicture.copyTo(picture.luma(), pictureMask);
            blankChroma.copyTo(picture.blueDifference(), chromaMask);
            blankChroma.copyTo(picture.redDifference(), chromaMask);
        } else {
            blankPicture.copyTo(picture.whole(), pictureMask);
        }
    }

    @Override
    public void close() {
        for (Mat mat : new Mat[] {pictureMask, chromaMask, blankPicture, blankChroma}) {
            if (mat != null) {
                mat.release();
            }
        }
    }

    /** The same for the detector's small grey picture. */
    static final class Luma implements AutoCloseable {
        private final Mat mask;
        private final Mat blank;

        Luma(AreaMask privacy, int width, int height) {
            this.mask = privateArea(privacy, width, height);
            this.blank = new Mat(height, width, CvType.CV_8UC1, new Scalar(YuvColour.BLACK.y));
        }

        void blank(Mat grey) {
            blank.copyTo(grey, mask);
        }

        @Override
        public void close() {
            mask.release();
            blank.release();
        }
    }
}
