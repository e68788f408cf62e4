package org.vigil.core.schedule;

import org.vigil.core.store.RecordingEnd;

import java.time.Duration;
import java.time.Instant;

/** What schedules do to the cameras (the daemon routes each call to the camera's events thread). */
public interface ScheduleTarget {
    /** Events of the camera armed (a detection window open, or the camera has none) or disarmed. */
    void arm(String camera, boolean armed);

    /** The camera records continuously until {@code until}: a window opened, or the merged windows now end there. */
    void recordUntil(String camera, String schedule, Instant until, Duration segmentLength);

    /** The camera's last open recording window closed. */
    void recordingClosed(String camera, RecordingEnd reason);

    /** A scheduled snapshot is due. */
    void snapshot(String camera, String schedule);

    /** A timelapse frame is due; {@code every} is the schedule's interval. */
    void timelapseFrame(String camera, String schedule, Duration every);
}
