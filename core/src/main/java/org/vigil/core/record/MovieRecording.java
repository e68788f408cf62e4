package org.vigil.core.record;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One movie, written on a thread of its own from the camera's {@link FrameRing}: from the first frame at or after
 * its start (pre-capture) up to {@link #extendTo} (the event's last motion plus post-capture), until {@link #end}.
 * The output runs at the camera's constant rate: a frame is repeated for the time the ring did not keep (pre-capture
 * at a lower rate, frames dropped), so the movie's length is the time it covers. Written under NAME.part, renamed to
 * NAME when the encoder finished it, or to NAME-partial.EXT when it was cut short (a full disk, ffmpeg failing).
 */
public final class MovieRecording {
    private static final Logger log = LoggerFactory.getLogger(MovieRecording.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final String camera;
    private final FrameRing ring;
    private final Encoder encoder;
    private final Path part;
    private final Path finalName;
    private final double fps;
    private final long startNanos;
    private final Thread thread;
    private final CompletableFuture<MovieResult> result = new CompletableFuture<>();
    private volatile long untilNanos;
    private volatile long endNanos = Long.MAX_VALUE;
    private volatile boolean ending;
    private volatile long drainDeadline;

    /** How the movie's file is made: ffmpeg, or OpenCV's MJPEG writer where there is no ffmpeg. */
    private interface Encoder {
        MovieSink open(Path part) throws IOException;
    }

    private MovieRecording(String camera, FrameRing ring, Encoder encoder, Path part, Path finalName, double fps,
                           long startNanos, long untilNanos) {
        this.camera = camera;
        this.ring = ring;
        this.encoder = encoder;
        this.part = part;
        this.finalName = finalName;
        this.fps = fps;
        this.startNanos = startNanos;
        this.untilNanos = untilNanos;
        this.thread = new Thread(this::run, "vigil-movie-" + camera);
        this.thread.setDaemon(true);
    }

    /** The extension of the movies this encoder makes: .mp4 (H.264), .mkv (an MJPEG camera's own frames), .avi. */
    public static String extension(Optional<String> ffmpeg, RecordedFormat format) {
        return ffmpeg.isEmpty() ? OpenCvMjpegMovie.extension() : format.compressed() ? ".mkv" : ".mp4";
    }

    /**
     * Starts recording {@code finalName} (under its .part name) from the ring's frames taken at or after startNanos.
     *
     * @param ffmpeg the ffmpeg program, or empty for OpenCV's MJPEG writer
     */
    public static MovieRecording start(String camera, FrameRing ring, Optional<String> ffmpeg, RecordedFormat format,
                                       int width, int height, double fps, Path finalName, long startNanos,
                                       long untilNanos) {
        Path part = PartialNames.part(finalName);
        Encoder encoder = ffmpeg.isPresent()
                ? file -> MovieEncoder.start(MovieEncoder.command(ffmpeg.get(), format, width, height, fps, file), file)
                : file -> new OpenCvMjpegMovie(format, width, height, fps, file);
        MovieRecording recording = new MovieRecording(camera, ring, encoder, part, finalName, fps, startNanos,
                untilNanos);
        ring.recording(true);
        recording.thread.start();
        return recording;
    }

    /** The file's name while it is written. */
    public Path part() {
        return part;
    }

    /** Frames taken up to here belong in the movie (the last motion plus post-capture). */
    public void extendTo(long nanos) {
        untilNanos = Math.max(untilNanos, nanos);
    }

    /**
     * Ends the movie with the frames taken before {@code nanos} that are in the ring now, written within
     * {@code drain} (frames still queued after it are dropped and counted: a stop must not wait out a slow encoder);
     * the result says how it went.
     */
    public CompletableFuture<MovieResult> end(long nanos, Duration drain) {
        drainDeadline = System.nanoTime() + drain.toNanos();
        endNanos = nanos;
        ending = true;
        LockSupport.unpark(thread);
        return result;
    }

    public CompletableFuture<MovieResult> result() {
        return result;
    }

    private void run() {
        long written = 0;
        long dropped = 0;
        long firstTimestamp = -1;
        long[] lastTimestamp = {Long.MIN_VALUE};
        String problem = null;
        boolean diskFull = false;
        MovieSink out = null;
        try {
            Files.createDirectories(part.getParent());
            out = encoder.open(part);
            long position = ring.firstAtOrAfter(startNanos);
            long busyBefore = ring.droppedBusy();
            while (true) {
                long limit = Math.min(untilNanos, endNanos);
                if (ending && System.nanoTime() - drainDeadline > 0) {
                    dropped += Math.max(0, ring.written() - position); // what the encoder had no time for
                    break;
                }
                if (position < ring.oldest()) {
                    dropped += ring.oldest() - position; // overwritten: the writer fell a ring behind
                    position = ring.oldest();
                }
                if (position >= ring.written()) {
                    if (ending) {
                        break;
                    }
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                    continue;
                }
                long[] frameTime = {0};
                long[] repeats = {0};
                final MovieSink sink = out;
                final long first = firstTimestamp;
                final long done = written;
                boolean inRange = ring.read(position, (data, bytes, timestamp) -> {
                    frameTime[0] = timestamp;
                    if (timestamp > limit) {
                        return;
                    }
                    repeats[0] = first < 0 ? 1 : repeats(timestamp - first, fps, done);
                    for (long r = 0; r < repeats[0]; r++) {
                        sink.write(data, bytes);
                    }
                });
                if (!inRange) {
                    continue; // overwritten since: counted at the top
                }
                if (frameTime[0] > limit) {
                    if (ending) {
                        break;
                    }
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS); // the event may still extend up to this frame
                    continue;
                }
                if (firstTimestamp < 0) {
                    firstTimestamp = frameTime[0];
                }
                lastTimestamp[0] = frameTime[0];
                written += repeats[0];
                position++;
            }
            dropped += ring.droppedBusy() - busyBefore;
            problem = out.finish(30);
        } catch (IOException e) {
            String said = out == null ? "" : out.finish(5);
            problem = e.getMessage() + (said == null || said.isEmpty() ? "" : "; " + said);
        } catch (Exception e) {
            problem = e.toString();
            if (out != null) {
                out.close();
            }
        } finally {
            ring.recording(false);
        }
        if (problem != null) {
            diskFull = problem.contains("No space left") || DiskSpace.isFull(part);
        }
        result.complete(settle(problem, diskFull, written, dropped));
    }

    /**
     * How many times a frame goes into the constant-rate movie: once, as a rule, whatever the jitter of its timestamp
     * (up to most of a period late, or a period early); more when frames are missing before it (pre-capture's lower
     * rate, dropped frames), so the movie's length stays the time it covers; none when frames come faster than the
     * rate.
     *
     * @param sinceFirst nanoseconds since the movie's first frame
     * @param written    frames written so far
     */
    static long repeats(long sinceFirst, double fps, long written) {
        long due = (long) Math.floor(sinceFirst * fps / 1e9 + 0.1) + 1;
        long behind = due - written;
        return behind >= 1 ? behind : behind >= -1 ? 1 : 0;
    }

    /** Renames the file for what it is now: complete, partial, or removed when it holds nothing. */
    private MovieResult settle(String problem, boolean diskFull, long written, long dropped) {
        try {
            if (!Files.exists(part)) {
                return new MovieResult(Optional.empty(), 0, false, diskFull, written, dropped,
                        Optional.ofNullable(problem).or(() -> Optional.of("ffmpeg wrote no file")));
            }
            long bytes = Files.size(part);
            if (problem == null) {
                Files.move(part, finalName, StandardCopyOption.ATOMIC_MOVE);
                return new MovieResult(Optional.of(finalName), bytes, true, false, written, dropped, Optional.empty());
            }
            if (bytes == 0) {
                Files.delete(part);
                return new MovieResult(Optional.empty(), 0, false, diskFull, written, dropped, Optional.of(problem));
            }
            Path partial = PartialNames.partial(finalName);
            Files.move(part, partial, StandardCopyOption.ATOMIC_MOVE);
            return new MovieResult(Optional.of(partial), bytes, false, diskFull, written, dropped, Optional.of(problem));
        } catch (IOException e) {
            log.warn("camera {}: movie {}: cannot rename it: {}", camera, part, e.toString());
            return new MovieResult(Optional.of(part), 0, false, diskFull, written, dropped,
                    Optional.of(problem == null ? e.toString() : problem));
        }
    }
}
