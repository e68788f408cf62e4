package org.vigil.core.pipeline;

import org.vigil.core.config.CameraConfig;
import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.V4l2Device;
import org.vigil.kernel.v4l2.V4l2Exception;
import org.vigil.kernel.v4l2.Wakeup;

import java.nio.file.Path;

/**
 * Where a camera's frames come from: its V4L2 device ({@link #DEVICES}, always, in the daemon), or a benchmark's
 * memory camera, so that the pipeline measured is the daemon's own, whatever feeds it.
 */
public interface CameraSource {

    /**
     * Opens the camera as the config asks: the stream, already started, in its negotiated format.
     *
     * @param wakeup polled beside the device, so a stop or reload wakes the capture thread at once
     */
    Opened open(CameraConfig config, Wakeup wakeup) throws V4l2Exception;

    /**
     * An open camera; {@link #close()} stops the stream, then closes the device.
     *
     * @param node   what the log and status line name
     * @param device the device the stream runs on, or null for a camera that is not one
     */
    record Opened(Path node, CaptureStream stream, NegotiatedFormat format, V4l2Device device) implements AutoCloseable {
        @Override
        public void close() {
            stream.close();
            if (device != null) {
                device.close();
            }
        }
    }

    /** The camera's V4L2 device: located, opened, its format negotiated, streaming in the configured I/O mode. */
    CameraSource DEVICES = (config, wakeup) -> {
        Path node = DeviceLocator.locate(config.device());
        V4l2Device device = V4l2Device.open(node);
        try {
            NegotiatedFormat format = FormatNegotiation.negotiate(device, config);
            CaptureSettings settings = CaptureSettings.defaults().withMode(config.io()).withBufferCount(config.buffers())
                    .withTimeout(config.frameTimeout()).withWakeup(wakeup);
            return new Opened(node, CaptureStream.open(device, settings), format, device);
        } catch (V4l2Exception | RuntimeException e) {
            device.close();
            throw e;
        }
    };
}
