package org.vigil.core.events;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Where scheduled files go, beside the events': {@code target-dir/CAMERA/YYYY-MM-DD/HH-mm-ss-recordingID-N.mp4} for a
 * recording's segments (the id keeps names apart when the clock goes back an hour), {@code HH-mm-ss-snapshot.jpg}
 * for a scheduled snapshot and {@code timelapse-YYYY-MM-DD.mp4} for a day's timelapse.
 */
final class RecordingFiles {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH-mm-ss");

    private final Path targetDir;
    private final ZoneId zone;

    RecordingFiles(Path targetDir, ZoneId zone) {
        this.targetDir = targetDir;
        this.zone = zone;
    }

    /** A scheduled snapshot; two in one second (the clock gone back) get a number. */
    Path snapshot(String camera, Instant at) {
        var local = at.atZone(zone);
        Path day = targetDir.resolve(camera).resolve(DAY.format(local));
        Path file = day.resolve(TIME.format(local) + "-snapshot.jpg");
        for (int n = 2; java.nio.file.Files.exists(file); n++) {
            file = day.resolve(TIME.format(local) + "-snapshot-" + n + ".jpg");
        }
        return file;
    }

    /** The recording's start names every segment's day and time; the segment's number keeps them apart. */
    Path segment(String camera, long recordingId, Instant start, int number, String extension) {
        var local = start.atZone(zone);
        return targetDir.resolve(camera).resolve(DAY.format(local))
                .resolve(TIME.format(local) + "-recording" + recordingId + "-" + number + extension);
    }
}
