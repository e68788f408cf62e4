package org.vigil.kernel.v4l2;

import org.vigil.kernel.abi.V4l2Constants;

/** One entry of VIDIOC_ENUM_FRAMESIZES: a discrete size (min = max, step 0) or a stepwise/continuous range. */
public record FrameSize(int type, int minWidth, int maxWidth, int stepWidth, int minHeight, int maxHeight,
                        int stepHeight) {

    public static FrameSize discrete(int width, int height) {
        return new FrameSize(V4l2Constants.FRMSIZE_TYPE_DISCRETE, width, width, 0, height, height, 0);
    }

    public boolean isDiscrete() {
        return type == V4l2Constants.FRMSIZE_TYPE_DISCRETE;
    }

    public boolean contains(int width, int height) {
        return within(width, minWidth, maxWidth, stepWidth) && within(height, minHeight, maxHeight, stepHeight);
    }

    private static boolean within(int value, int min, int max, int step) {
        return value >= min && value <= max && (step <= 1 || (value - min) % step == 0);
    }

    /** "640x480", or "16x16 - 1920x1080 step 2/2" for a range. */
    @Override
    public String toString() {
        return isDiscrete() ? minWidth + "x" + minHeight
                : minWidth + "x" + minHeight + " - " + maxWidth + "x" + maxHeight
                + " step " + stepWidth + "/" + stepHeight;
    }
}
