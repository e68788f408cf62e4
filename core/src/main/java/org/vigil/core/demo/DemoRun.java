package org.vigil.core.demo;

import org.vigil.core.store.EventQuery;
import org.vigil.core.store.EventTable;
import org.vigil.core.store.StoreException;
import org.vigil.core.store.StoredEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The demo on a machine without a camera: boots the project's real-kernel rig (Debian's kernel under QEMU with vivid
 * and v4l2loopback), plays opencv-doc's vtest.avi into a loopback node with ffmpeg as camera "street", uses vivid
 * with a moving pattern as camera "vivid", runs the real daemon on a config it writes, records each annotated pipe
 * with ffmpeg into an H.264 MP4, stops the daemon with SIGTERM, and checks the MP4s with ffprobe. One progress line per
 * step; everything it made lands in one folder.
 */
public final class DemoRun {
    /** The rig's loopback nodes: the street camera (fed by ffmpeg), then each camera's annotated pipe. */
    private static final String LOOPBACK = "devices=3 video_nr=10,11,12 card_label=street-camera,street,vivid "
            + "exclusive_caps=0,0,0 max_width=1920 max_height=1080 max_buffers=4";
    private static final int STEPS = 7;

    private final Path checkout;
    private final Path out;
    private final int seconds;
    private final String classpath;
    private final PrintWriter progress;
    private int step;

    /**
     * @param checkout  the vigil source tree, whose kernel/rig holds the rig
     * @param classpath vigil's jars, as the guest (which sees the host's files) starts the daemon from them
     */
    public DemoRun(Path checkout, Path out, int seconds, String classpath, PrintWriter progress) {
        this.checkout = checkout;
        this.out = out;
        this.seconds = seconds;
        this.classpath = classpath;
        this.progress = progress;
    }

    /** Runs the demo; false (with the reason printed) when a step failed. */
    public boolean run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Files.createDirectories(out);
        for (String stale : List.of("street.mp4", "vivid.mp4", "vigil.log", "guest.log", "rig.log", "events.db",
                "events.db-wal", "events.db-shm")) {
            Files.deleteIfExists(out.resolve(stale));
        }
        for (String camera : List.of("street", "vivid")) { // the last demo's snapshots and movies
            Path folder = out.resolve(camera);
            if (Files.isDirectory(folder)) {
                try (var paths = Files.walk(folder)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
        say("provisioning the real-kernel rig (qemu, Debian's kernel, vivid, v4l2loopback; cached after the first run)");
        Path rig = checkout.resolve("kernel/rig");
        if (command(List.of(rig.resolve("install").toString()), out.resolve("rig.log"), 1200) != 0) {
            return failed("the rig could not be provisioned; see " + out.resolve("rig.log"));
        }
        say("finding opencv-doc's vtest.avi (pedestrians, 768x576 at 10 fps)");
        List<String> footage = output(List.of(rig.resolve("opencv-footage").toString(), "vtest.avi"), 600);
        if (footage.isEmpty()) {
            return failed("vtest.avi is not to be had: install Debian's opencv-doc package");
        }
        Path config = out.resolve("vigil.yml");
        Files.writeString(config, DemoFiles.config());
        Path guest = out.resolve("guest.sh");
        Files.writeString(guest, DemoFiles.guestScript(out, Path.of(footage.get(footage.size() - 1)), classpath, seconds));
        Files.setPosixFilePermissions(guest, PosixFilePermissions.fromString("rwxr-xr-x"));
        say("wrote the daemon's config, " + config + ":");
        for (String line : Files.readAllLines(config)) {
            progress.println("    " + line);
        }
        say("booting the rig and running vigil in it for " + seconds + " s: ffmpeg plays vtest.avi into camera street,"
                + " vivid's cross moves, ffmpeg records both annotated pipes");
        List<String> rigCommand = List.of(rig.resolve("run").toString(), "--vivid", "n_devs=1", "--loopback", LOOPBACK,
                "--rw", out.toString(), "--timeout", Integer.toString(seconds + 600), "--", "sh", guest.toString());
        int status = relay(rigCommand, out.resolve("rig.log"));
        if (status != 0) {
            return failed("the run in the rig ended with status " + status + "; see " + out.resolve("guest.log") + ", "
                    + out.resolve("vigil.log") + " and " + out.resolve("rig.log"));
        }
        say("checking the recordings with ffprobe");
        List<String> problems = new ArrayList<>();
        for (String camera : List.of("street", "vivid")) {
            Path movie = out.resolve(camera + ".mp4");
            List<String> probe = Files.exists(movie) ? output(List.of("ffprobe", "-v", "error", "-select_streams", "v:0",
                    "-count_frames", "-show_entries", "stream=codec_name,width,height,nb_read_frames", "-of", "csv=p=0",
                    movie.toString()), 120) : List.of();
            if (probe.isEmpty() || !probe.get(0).startsWith("h264,")) {
                problems.add(movie + " is missing or not an H.264 video");
            } else {
                String[] fields = probe.get(0).split(",");
                progress.println("    " + movie + ": H.264 " + fields[1] + "x" + fields[2] + ", " + fields[3] + " frames");
            }
        }
        if (!problems.isEmpty()) {
            return failed(String.join("; ", problems));
        }
        say("the events the daemon logged, as `vigil events` prints them");
        List<StoredEvent> events;
        try (EventQuery query = EventQuery.open(out.resolve("events.db"))) {
            events = query.events(Optional.empty(), Optional.empty(), Optional.empty());
        } catch (StoreException | SQLException e) {
            return failed("the event database: " + e.getMessage());
        }
        StringWriter table = new StringWriter();
        EventTable.table(events, ZoneId.systemDefault(), new PrintWriter(table));
        table.toString().lines().forEach(line -> progress.println("    " + line));
        Optional<String> movie = events.stream().flatMap(e -> e.movie().stream()).findFirst();
        if (movie.isEmpty()) {
            return failed("no event has a movie; see " + out.resolve("vigil.log"));
        }
        List<String> movieProbe = output(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,width,height", "-of", "csv=p=0", movie.get()), 120);
        if (movieProbe.isEmpty() || !movieProbe.get(0).startsWith("h264,")) {
            return failed(movie.get() + " is not an H.264 movie");
        }
        progress.printf(Locale.ROOT, "demo: done in %.0f s. In %s:%n", (System.nanoTime() - started) / 1e9, out);
        progress.println("    street.mp4, vivid.mp4   the annotated feeds as any V4L viewer saw them (H.264, plays in a browser)");
        progress.println("    events.db               the events (`vigil events --database " + out.resolve("events.db")
                + "`, or sqlite3)");
        progress.println("    street/, vivid/         each event's snapshot (JPEG) and movie (MP4), by date");
        progress.println("    vigil.yml               the config the daemon ran with");
        progress.println("    vigil.log               the daemon's log");
        progress.println("    guest.sh, guest.log     what ran inside the rig, and what it printed");
        return true;
    }

    private void say(String what) {
        progress.println("demo " + ++step + "/" + STEPS + ": " + what);
    }

    private boolean failed(String why) {
        progress.println("demo: failed: " + why);
        return false;
    }

    /** Runs the rig, passing on the guest's "demo:" lines as progress and keeping the rest in the log. */
    private int relay(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter keep = new PrintWriter(Files.newBufferedWriter(log, java.nio.file.StandardOpenOption.CREATE,
                     java.nio.file.StandardOpenOption.APPEND))) {
            String line;
            while ((line = reader.readLine()) != null) {
                keep.println(line);
                if (line.startsWith("demo: ")) {
                    progress.println("    " + line.substring("demo: ".length()));
                }
            }
        }
        return process.waitFor();
    }

    private static int command(List<String> command, Path log, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static List<String> output(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return List.of();
        }
        return lines;
    }
}
