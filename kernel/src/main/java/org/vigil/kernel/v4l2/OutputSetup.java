package org.vigil.kernel.v4l2;

/** Prepares a node for output: checks it can take frames, sets the frame rate (S_PARM) and then the format (S_FMT). */
final class OutputSetup {
    private OutputSetup() {
    }

    /**
     * @param interval time per frame, or null to leave the rate alone
     * @return the format the driver accepted (exactly the requested size and pixel format)
     */
    static PixFormat configure(V4l2Device device, PixFormat request, Fraction interval) throws V4l2Exception {
        Capability capability = device.currentCapability();
        if (!capability.canOutput()) {
            throw new CannotOutputException(device.path(), "this node cannot take video output ("
                    + capability.driver() + ": " + capability.card() + ")",
                    "use a v4l2loopback node (`modprobe v4l2loopback devices=1 video_nr=10 card_label=vigil`)");
        }
        // v4l2loopback wants the rate before the format: S_PARM after the first S_FMT is ignored.
        if (interval != null) {
            device.setFrameInterval(BufferType.VIDEO_OUTPUT, interval);
        }
        return device.setFormat(BufferType.VIDEO_OUTPUT, request);
    }
}
