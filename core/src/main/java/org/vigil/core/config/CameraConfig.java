package org.vigil.core.config;

import org.vigil.core.retention.Budget;
import org.vigil.core.schedule.Schedule;
import org.vigil.core.schedule.ScheduleKind;
import org.vigil.detectors.AreaMask;
import org.vigil.detectors.Zone;
import org.vigil.kernel.v4l2.IoMode;
import org.vigil.vloop.LoopbackOptions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One camera as configured, defaults applied and every value checked. Immutable; a reload compares records to find
 * what changed.
 *
 * @param fps      frames per second to ask for, 0 to keep the device's rate
 * @param controls V4L2 controls by v4l2-ctl name, in file order
 * @param detectionFps detections per second, 0 for every frame
 */
public record CameraConfig(
        String name,
        DeviceSelector device,
        Resolution size,
        int fps,
        PixelFormatChoice pixelFormat,
        IoMode io,
        int buffers,
        int bytesPerLine,
        int input,
        Duration frameTimeout,
        Map<String, Integer> controls,
        DetectorChoice detector,
        double detectionFps,
        Optional<AreaMask> detectionMask,
        Optional<AreaMask> privacyMask,
        List<Zone> zones,
        LoopbackOptions loopback,
        AnnotationOptions annotation,
        EventOptions events,
        List<Schedule> schedules,
        Budget retention) {

    public CameraConfig {
        controls = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(controls)); // set in file order
        zones = List.copyOf(zones);
        schedules = List.copyOf(schedules);
    }

    /**
     * Whether the camera's frames are copied for recording: for events' snapshots and movies, or for a schedule that
     * records, takes snapshots or makes a timelapse.
     */
    public boolean recordsFrames() {
        return events.recordsFrames() || schedules.stream().anyMatch(schedule -> schedule.kind() != ScheduleKind.DETECT);
    }

    /** Whether moving from this config to the other needs the camera's stream (or pipes) closed and opened again. */
    public boolean needsRestartFor(CameraConfig other) {
        return !device.equals(other.device) || !size.equals(other.size) || fps != other.fps
                || !pixelFormat.equals(other.pixelFormat) || io != other.io || buffers != other.buffers
                || bytesPerLine != other.bytesPerLine || input != other.input || !frameTimeout.equals(other.frameTimeout)
                || !controls.equals(other.controls) || !loopback.equals(other.loopback)
                // the feed is opened drawn-on or plain, and a privacy mask needs drawing
                || annotation.drawsAnything() != other.annotation.drawsAnything()
                || privacyMask.isPresent() != other.privacyMask.isPresent()
                // the frame ring is sized from these when the stream opens
                || events.preCaptureMemory() != other.events.preCaptureMemory()
                || recordsFrames() != other.recordsFrames();
    }

    public int width() {
        return size.width();
    }

    public int height() {
        return size.height();
    }
}
