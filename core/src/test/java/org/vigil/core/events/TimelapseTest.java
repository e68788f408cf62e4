package org.vigil.core.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.config.HookCommands;
import org.vigil.core.hooks.HookRunner;
import org.vigil.core.record.FrameRing;
import org.vigil.core.record.RecordedFormat;
import org.vigil.core.store.EventStore;
import org.vigil.kernel.testing.ExternalCommand;
import org.vigil.kernel.v4l2.FourCC;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A day's timelapse frames become JPEGs in the day's folder at once, and one movie once the next day's first frame
 * comes: ffmpeg makes it, ffprobe counts its frames, the folder goes, the database has its row.
 */
class TimelapseTest {
    private static final int W = 64;
    private static final int H = 48;

    @Test
    void aDaysFramesBecomeOneMovieWhenTheDayIsOver(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("events.db");
        try (EventStore store = EventStore.open(database).store();
             HookRunner hooks = new HookRunner(new HookCommands(Map.of(), Duration.ofSeconds(5)), ZoneOffset.UTC)) {
            EventServices services = new EventServices(store, hooks, dir, Optional.of("ffmpeg"), ZoneOffset.UTC, () -> { });
            FrameRing ring = new FrameRing(W * H * 2 * 8L, W * H * 2, 1);
            SessionRecording session = new SessionRecording(ring, RecordedFormat.of(FourCC.YUYV), FourCC.YUYV, W, H, 10);
            ByteBuffer frame = ByteBuffer.allocateDirect(W * H * 2);
            Instant day = Instant.parse("2026-11-30T10:00:00Z");
            Timelapse timelapse = new Timelapse("garden", services);
            for (int i = 0; i < 12; i++) {
                fill(frame, i);
                ring.offer(frame, frame.capacity(), i * 1_000_000_000L, 0, 0, 0);
                timelapse.add(session, i * 1_000_000_000L, day.plusSeconds(30L * i));
            }
            Path folder = dir.resolve("garden/2026-11-30/.timelapse-2026-11-30");
            try (var jpegs = Files.list(folder)) {
                assertEquals(12, jpegs.count(), "each frame on disk at once");
            }
            ring.offer(frame, frame.capacity(), 20_000_000_000L, 0, 0, 0);
            timelapse.add(session, 20_000_000_000L, Instant.parse("2026-12-01T00:00:05Z")); // the next day
            timelapse.close();
            Path movie = dir.resolve("garden/2026-11-30/timelapse-2026-11-30.mp4");
            assertTrue(Files.exists(movie), "the day's movie");
            String frames = ExternalCommand.run(List.of("ffprobe", "-v", "error", "-count_frames", "-select_streams",
                    "v:0", "-show_entries", "stream=nb_read_frames,codec_name", "-of", "csv=p=0", movie.toString())).strip();
            assertEquals("h264,12", frames);
            assertFalse(Files.exists(folder), "the frames go once the movie is complete");
            assertTrue(Files.exists(dir.resolve("garden/2026-12-01/.timelapse-2026-12-01/000001.jpg")), "the new day's");
            store.flush();
        }
        String row = ExternalCommand.run(List.of("sqlite3", database.toString(),
                "SELECT kind, complete, event_id IS NULL FROM files WHERE path LIKE '%timelapse-2026-11-30.mp4'")).strip();
        assertEquals("movie|1|1", row);
    }

    private static void fill(ByteBuffer frame, int n) {
        for (int i = 0; i < frame.capacity(); i++) {
            frame.put(i, (byte) ((i % 2 == 0) ? (n * 20 + i / 64) : 128));
        }
    }
}
