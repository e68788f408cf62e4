package org.vigil.core.events;

import org.vigil.core.record.DirectMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.record.PartialNames;
import org.vigil.core.record.SnapshotWriter;
import org.vigil.core.store.FileKind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One camera's timelapse: each frame due is a JPEG in the day's {@code .timelapse-YYYY-MM-DD} folder (on disk at
 * once, so a crash loses none), and once the day is over (the first frame of the next day, the daemon's stop, or
 * the next start finding an earlier day's folder; a stop leaves the day's frames for the next start) ffmpeg makes
 * them one movie, {@code timelapse-YYYY-MM-DD.mp4} at 25
 * frames a second, on a thread of its own, and the frames go. Without ffmpeg the JPEGs stay where they are.
 */
final class Timelapse implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Timelapse.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final String FOLDER = ".timelapse-";
    private static final int MOVIE_FPS = 25;

    private final String camera;
    private final EventServices services;
    private final ExecutorService assembler;
    private LocalDate day;
    private int frames;
    private ByteBuffer still;
    private boolean lookedForLeftovers;

    Timelapse(String camera, EventServices services) {
        this.camera = camera;
        this.services = services;
        this.assembler = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "vigil-timelapse-" + camera);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Adds the newest kept frame, taken at {@code at}. */
    void add(SessionRecording session, long nanos, Instant at) {
        LocalDate today = at.atZone(services.zone()).toLocalDate();
        if (!lookedForLeftovers) {
            lookedForLeftovers = true;
            assembleEarlierThan(today);
        }
        if (day != null && !day.equals(today)) {
            assemble(day);
            frames = 0;
        }
        day = today;
        if (still == null || still.capacity() < session.ring().frameBytes()) {
            still = DirectMemory.allocate(session.ring().frameBytes());
            if (still == null) {
                log.error("camera {}: timelapse frame skipped: {}", camera,
                        DirectMemory.shortage("the timelapse buffer", session.ring().frameBytes()));
                return;
            }
        }
        int bytes = session.ring().copyNearest(nanos, still);
        if (bytes <= 0) {
            return;
        }
        Path folder = folder(today);
        try {
            if (frames == 0) {
                frames = count(folder); // a restart during the day goes on numbering after what is there
            }
            Path file = folder.resolve(String.format("%06d.jpg", frames + 1));
            SnapshotWriter.write(still, bytes, session.format(), session.width(), session.height(), file);
            frames++;
        } catch (IOException e) {
            log.warn("camera {}: timelapse frame not written in {}: {}", camera, folder, e.toString());
        }
    }

    private Path folder(LocalDate date) {
        return services.targetDir().resolve(camera).resolve(DAY.format(date)).resolve(FOLDER + DAY.format(date));
    }

    private static int count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".jpg")).count();
        }
    }

    private void assembleEarlierThan(LocalDate today) {
        Path cameraDir = services.targetDir().resolve(camera);
        if (!Files.isDirectory(cameraDir)) {
            return;
        }
        try (DirectoryStream<Path> days = Files.newDirectoryStream(cameraDir)) {
            for (Path dayDir : days) {
                try {
                    LocalDate date = LocalDate.parse(dayDir.getFileName().toString(), DAY);
                    if (date.isBefore(today) && Files.isDirectory(folder(date))) {
                        assemble(date);
                    }
                } catch (java.time.format.DateTimeParseException notADay) {
                    // another file of the camera's folder
                }
            }
        } catch (IOException e) {
            log.warn("camera {}: cannot look for earlier timelapse frames in {}: {}", camera, cameraDir, e.toString());
        }
    }

    /** Makes the day's movie on the assembler's thread; the frames go once it is complete. */
    private void assemble(LocalDate date) {
        Path folder = folder(date);
        Path movie = folder.getParent().resolve("timelapse-" + DAY.format(date) + ".mp4");
        if (services.ffmpeg().isEmpty()) {
            log.info("camera {}: the timelapse of {} stays as JPEG frames in {} (no ffmpeg)", camera, date, folder);
            return;
        }
        String ffmpeg = services.ffmpeg().get();
        assembler.execute(() -> {
            Path part = PartialNames.part(movie);
            List<String> command = List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-framerate",
                    Integer.toString(MOVIE_FPS), "-i", folder.resolve("%06d.jpg").toString(), "-c:v", "libx264",
                    "-preset", "veryfast", "-pix_fmt", "yuv420p", "-f", "mp4", part.toString());
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    Files.deleteIfExists(part);
                    log.warn("camera {}: ffmpeg could not make the timelapse of {}; its frames stay in {}", camera, date,
                            folder);
                    return;
                }
                Files.move(part, movie, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                long bytes = Files.size(movie);
                services.store().fileWritten(movie, FileKind.MOVIE, bytes, Instant.now());
                deleteFrames(folder);
                log.info("camera {}: timelapse {} made ({} bytes)", camera, movie, bytes);
            } catch (IOException e) {
                log.warn("camera {}: timelapse of {} not made: {}; its frames stay in {}", camera, date, e.toString(), folder);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void deleteFrames(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(folder)) {
            listed.sorted(Comparator.reverseOrder()).forEach(files::add);
        }
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(folder);
    }

    /** The day is not over at a stop: its frames wait for the next start. Lets a movie being made finish. */
    @Override
    public void close() {
        assembler.shutdown();
        try {
            assembler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
