package org.vigil.core.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.config.CameraConfig;
import org.vigil.core.config.EventOptions;
import org.vigil.core.events.SessionRecording;
import org.vigil.core.record.FrameRing;
import org.vigil.core.record.RecordedFormat;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.PixFormat;

/**
 * How one stream's frames are copied into its {@link FrameRing} for snapshots and movies: as they are, or row by row
 * when the driver pads its rows (packed formats). Sized once, when the stream opens, from pre-capture-memory.
 *
 * Whether every frame is copied or only the detector's is the camera's events' to say, from moment to moment
 * ({@code CameraEvents.wantsEveryFrame}: movies, an open recording window).
 *
 * @param rows 0 to copy a frame as it is, else the rows to copy {@code rowBytes} of, {@code stride} apart
 */
record FrameCopies(SessionRecording recording, int rows, int rowBytes, int stride) {
    private static final Logger log = LoggerFactory.getLogger(FrameCopies.class);

    /**
     * The copies for this stream, or null when nothing is recorded (with one line saying why, when it is not asked).
     *
     * @param wanted whether a schedule added with the CLI needs frames though the config records none
     */
    static FrameCopies plan(CameraConfig config, PixFormat format, Fraction interval, boolean wanted) {
        EventOptions events = config.events();
        if (!config.recordsFrames() && !wanted) {
            return null;
        }
        RecordedFormat recorded = RecordedFormat.of(format.pixelFormat());
        if (recorded == null) {
            log.warn("camera {}: events are logged but not recorded: vigil records none of {}; set pixel-format to "
                    + "YUYV, YU12, NV12, GREY, RGB3 or MJPG", config.name(), format.fourcc());
            return null;
        }
        int width = format.width();
        int height = format.height();
        int rowBytes = recorded.rowBytes(width);
        int rows = 0;
        if (!recorded.compressed() && format.bytesPerLine() > rowBytes) {
            if (!recorded.packedSinglePlane()) {
                log.warn("camera {}: events are logged but not recorded: the driver pads {}'s rows ({} bytes for {}), "
                        + "which the recorder does not unpack for planar formats; pick a packed format (YUYV)",
                        config.name(), format.fourcc(), format.bytesPerLine(), rowBytes);
                return null;
            }
            rows = height;
        }
        double fps = interval.numerator() > 0 && interval.denominator() > 0
                ? (double) interval.denominator() / interval.numerator()
                : config.fps() > 0 ? config.fps() : 15;
        int frameBytes = recorded.frameBytes(width, height, format.sizeImage());
        // without movies only the detector's frames are kept, every one of them: a snapshot is one of those
        int preCaptureFrames = events.movie() ? (int) Math.ceil(events.preCapture() * fps) : 1;
        FrameRing ring = new FrameRing(events.preCaptureMemory(), frameBytes, preCaptureFrames);
        if (ring.idleStride() > 1) {
            log.info("camera {}: pre-capture of {} s at {}x{} needs {} MB at the full rate; {} MB keep it at 1 frame "
                    + "in {} (raise events.pre-capture-memory to keep every frame)", config.name(), events.preCapture(),
                    width, height, (long) preCaptureFrames * frameBytes * 2 / (1024 * 1024),
                    events.preCaptureMemory() / (1024 * 1024), ring.idleStride());
        }
        return new FrameCopies(new SessionRecording(ring, recorded, format.pixelFormat(), width, height, fps), rows,
                rowBytes, format.bytesPerLine());
    }
}
