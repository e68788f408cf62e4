package org.vigil.core.events;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Where an event's files go: {@code TARGET/CAMERA/YYYY-MM-DD/HH-MM-SS-event<ID>.jpg}, and {@code ...-event<ID>.mp4}
 * for its first movie, {@code ...-event<ID>-<N>.mp4} for the N-th of a long event; the date and time are the event's
 * start in local time. The event's id makes every name unique, so a clock put back an hour (DST, NTP) cannot make
 * two events share one.
 */
public final class EventFiles {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH-mm-ss");

    private final Path targetDir;
    private final ZoneId zone;

    public EventFiles(Path targetDir, ZoneId zone) {
        this.targetDir = targetDir;
        this.zone = zone;
    }

    public Path snapshot(String camera, long eventId, Instant start) {
        return base(camera, eventId, start, ".jpg");
    }

    /** @param number 1 for the event's first movie */
    public Path movie(String camera, long eventId, Instant start, int number, String extension) {
        return base(camera, eventId, start, (number == 1 ? "" : "-" + number) + extension);
    }

    private Path base(String camera, long eventId, Instant start, String tail) {
        var local = start.atZone(zone);
        return targetDir.resolve(camera).resolve(DAY.format(local))
                .resolve(TIME.format(local) + "-event" + eventId + tail);
    }
}
