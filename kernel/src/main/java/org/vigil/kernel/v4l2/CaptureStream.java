package org.vigil.kernel.v4l2;

/**
 * Frames from a capture device, by mmap streaming or read(). One thread calls {@link #next()};
 * frames may be released from any thread. Close the stream before the device.
 */
public interface CaptureStream extends AutoCloseable {

    /**
     * Opens a stream in the device's current capture format (set it first with
     * {@link V4l2Device#setFormat}); the I/O mode comes from the settings or, for AUTO, from the
     * device's capabilities.
     *
     * @throws CannotCaptureException an output-only node, a loopback without producer, or a mode the device lacks
     * @throws DeviceBusyException    another program streams from the device
     */
    static CaptureStream open(V4l2Device device, CaptureSettings settings) throws V4l2Exception {
        Capability capability = device.currentCapability();
        CaptureRequirements.requireCapture(device, capability);
        IoMode mode = CaptureRequirements.chooseMode(device, capability, settings.mode());
        return mode == IoMode.MMAP ? MmapCaptureStream.start(device, settings) : ReadCaptureStream.start(device, settings);
    }

    /**
     * Waits for the next frame, up to the settings' timeout, or until the settings' {@link Wakeup} fires.
     *
     * @return the frame, or null when the wakeup fired first (the caller checks why and calls again)
     * @throws FrameTimeoutException      no frame within the timeout (a stalled camera)
     * @throws DeviceVanishedException    the device was unplugged or unbound (also when an earlier
     *                                    {@link Frame#close()} found so)
     * @throws BuffersExhaustedException  every buffer is held by the caller, so none can be filled
     */
    Frame next() throws V4l2Exception;

    /** Gives a frame's buffer back to the driver. Releasing a frame twice is an IllegalStateException. */
    void release(Frame frame) throws V4l2Exception;

    IoMode mode();

    PixFormat format();

    int bufferCount();

    /** Frames lent out and not yet released. */
    int framesHeld();

    /**
     * Stops streaming. Memory behind frames still held stays valid until each is released, then it is
     * freed; nothing else stays mapped or allocated.
     */
    @Override
    void close();
}
