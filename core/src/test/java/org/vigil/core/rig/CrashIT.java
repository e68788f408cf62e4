package org.vigil.core.rig;

import org.junit.jupiter.api.Test;
import org.vigil.core.testing.ConfigFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.vigil.core.rig.RigClients.control;
import static org.vigil.core.rig.RigClients.frames;
import static org.vigil.core.rig.RigClients.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/vigil run killed with SIGKILL in the middle of an event, its ffmpeg with it (a power cut): the database passes
 * PRAGMA integrity_check, the earlier event is intact, and at the next start the cut event is closed as interrupted
 * at its last update, its movie kept as NAME-partial.mp4, which ffprobe plays up to the kill; SIGTERM in the middle
 * of the next event ends it as stopped with its movie finished.
 */
class CrashIT {
    @Test
    void aKilledDaemonLeavesAnIntactDatabaseAndAPlayableMovie() throws Exception {
        Path target = Files.createTempDirectory("vigil-crash");
        Path node = RigVideo.vivid(0);
        Path config = ConfigFiles.write("""
                status-interval: 3600
                loopback: {pipe: off}           # no annotated feed: cam-a and cam-b are cameras here
                target-dir: %s
                fps: 10
                size: 320x180
                events: {event-gap: 3, pre-capture: 1, post-capture: 1}
                cameras:
                  yard:
                    device: %s
                    controls: {test_pattern: 19, horizontal_movement: 5, osd_text_mode: 2}
                """.formatted(target, node));
        Path db = target.resolve("events.db");
        VigilProcess vigil = VigilProcess.run(config);
        try {
            vigil.awaitLog("camera yard: event 1 started", 1, 240);
            Thread.sleep(3000);
            control(node, "horizontal_movement=3");
            vigil.awaitLog("camera yard: event 1 ended \\(gap\\)", 1, 60);
            vigil.awaitLog("camera yard: movie .*event1\\.mp4", 1, 60);
            control(node, "horizontal_movement=5");
            vigil.awaitLog("camera yard: event 2 started", 1, 60);
            Thread.sleep(8000); // a few of the movie's 2 s fragments
        } finally {
            vigil.killWithChildren();
        }
        assertEquals("ok", sql(db, "PRAGMA integrity_check"));
        assertEquals("2||", sql(db, "SELECT id, end, end_reason FROM events WHERE end IS NULL"), "open at the kill");
        Path part = Path.of(sql(db, "SELECT path FROM files WHERE event_id = 2 AND kind = 'movie'"));
        assertTrue(Files.size(part) > 0, part + " holds what was recorded");

        // started again, as users do: it closes what the kill left, records the next event, and SIGTERM ends it cleanly
        VigilProcess again = VigilProcess.run(config);
        try {
            again.awaitLog("event 2 of camera yard was interrupted", 1, 240);
            again.awaitLog("camera yard: event 3 started", 1, 240);
            Thread.sleep(4000);
            assertEquals(0, again.terminate(Duration.ofSeconds(20)), "SIGTERM mid-event: exit status");
        } finally {
            again.kill();
        }
        assertEquals("stop|1", sql(db, "SELECT end_reason, complete FROM events e JOIN files f ON f.event_id = e.id "
                + "WHERE e.id = 3 AND f.kind = 'movie'"), "SIGTERM ends the event and finishes its movie");
        Path finished = Path.of(sql(db, "SELECT movie FROM events WHERE id = 3"));
        assertTrue(frames(finished) >= 30, finished + " plays to its end");

        assertEquals("ok", sql(db, "PRAGMA integrity_check"));
        String lastUpdate = sql(db, "SELECT last_update FROM events WHERE id = 2");
        assertEquals("interrupted|" + lastUpdate, sql(db, "SELECT end_reason, end FROM events WHERE id = 2"));
        assertEquals("gap|1", sql(db, "SELECT end_reason, movie IS NOT NULL AND snapshot IS NOT NULL FROM events "
                + "WHERE id = 1"), "the earlier event is intact");
        Path first = Path.of(sql(db, "SELECT movie FROM events WHERE id = 1"));
        assertTrue(frames(first) > 0, first + " plays");
        Path partial = Path.of(sql(db, "SELECT path FROM files WHERE event_id = 2 AND kind = 'movie'"));
        assertEquals(part.resolveSibling(part.getFileName().toString().replace(".mp4.part", "-partial.mp4")), partial);
        assertTrue(Files.exists(partial) && !Files.exists(part), "renamed");
        long frames = frames(partial);
        System.out.println("interrupted movie " + partial + ": " + frames + " frames");
        assertTrue(frames >= 10, partial + ": " + frames + " frames play of the ~10 s before the kill");
    }
}
