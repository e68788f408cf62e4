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
        PixFormat accepted = device.setFormat(BufferType.VIDEO_OUTPUT, request);
        // v4l2loopback's S_FMT reports sizeimage rounded up to whole pages (its buffer size), G_FMT the image
        // itself. A producer that writes or queues the rounded size shows every consumer a bytesused beyond
        // the image, and ffmpeg then drops the frame; so the image size G_FMT gives is the one to use.
        PixFormat current = device.format(BufferType.VIDEO_OUTPUT);
        boolean smallerImage = current.matches(accepted) && current.sizeImage() > 0
                && current.sizeImage() < accepted.sizeImage();
        return smallerImage ? current : accepted;
    }
}
