package org.vigil.kernel.v4l2;

import org.vigil.kernel.abi.V4l2Constants;

/** One entry of VIDIOC_ENUM_FRAMEINTERVALS: a discrete time per frame, or a stepwise/continuous range of them. */
public record FrameInterval(int type, Fraction min, Fraction max, Fraction step) {

    public static FrameInterval discrete(Fraction interval) {
        return new FrameInterval(V4l2Constants.FRMIVAL_TYPE_DISCRETE, interval, interval, null);
    }

    public boolean isDiscrete() {
        return type == V4l2Constants.FRMIVAL_TYPE_DISCRETE;
    }

    @Override
    public String toString() {
        return isDiscrete() ? min + " s" : min + " s - " + max + " s step " + step;
    }
}
