package org.vigil.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * vigil beside Motion on the same frames, inside the real-kernel rig (core/bench/side-by-side runs it): real footage,
 * numbered frame by frame ({@link FrameNumbers}), goes into the loopback camera /dev/video10 at a fixed rate; the
 * program under test captures it, detects motion and writes its picture into the loopback pipe /dev/video11, which
 * a reader watches. First Motion (detection on, video_pipe to the pipe, no pictures, no movies, its defaults
 * otherwise), then vigil (detection on, the annotated pipe, no snapshots or movies), alternating which goes first
 * from one round to the next. After a warm-up, for the same number of camera frames: the program's CPU time
 * (utime + stime from /proc/PID/stat) per frame, its peak RSS (VmHWM), the frames that reached the pipe, and the
 * time from the camera write to the frame's arrival in the pipe (by number). vigil's own capture-to-pipe time comes
 * from its status lines. Prints each run, then medians with min-max and the ratios; judges nothing.
 *
 * <p>usage: SideBySide OUT_DIR FOOTAGE_DIR VIGIL_HOME ROUNDS WARMUP_SECONDS MEASURED_FRAMES WxH@FPS...
 */
public final class SideBySide {
    private static final Path CAMERA = Path.of("/dev/video10");
    private static final Path PIPE = Path.of("/dev/video11");
    private static final Pattern VIGIL_LATENCY = Pattern.compile("\\((\\d+\\.\\d) ms after capture\\)");

    private SideBySide() {
    }

    /** One program's run at one size. */
    record Run(String program, String size, int fps, long frames, long delivered, double cpuMsPerFrame, long peakRssKb,
               double latencyMedianMs, double latencyP95Ms, double internalLatencyMs, String threads, String notes) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path footage = Path.of(args[1]);
        Path vigilHome = Path.of(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int measured = Integer.parseInt(args[5]);
        List<Run> runs = new ArrayList<>();
        System.out.println("| round | program | size | fps | frames | to the pipe | CPU ms/frame | peak RSS MB "
                + "| camera to pipe, median ms | p95 ms | vigil's own capture to pipe, ms |");
        System.out.println("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 6; i < args.length; i++) {
            String[] sizeRate = args[i].split("@");
            String size = sizeRate[0];
            int fps = Integer.parseInt(sizeRate[1]);
            for (int round = 1; round <= rounds; round++) {
                List<String> order = round % 2 == 1 ? List.of("motion", "vigil") : List.of("vigil", "motion");
                String only = System.getProperty("side.programs", "");
                if (!only.isEmpty()) {
                    order = order.stream().filter(program -> List.of(only.split(",")).contains(program)).toList();
                }
                for (String program : order) {
                    Run run = run(program, out, footage.resolve("vtest-" + size + ".yuyv"), vigilHome, size, fps, warmup,
                            measured);
                    runs.add(run);
                    System.out.printf(Locale.ROOT, "| %d | %s | %s | %d | %d | %d | %.1f | %.0f | %.0f | %.0f | %s |%n",
                            round, program, size, fps, run.frames(), run.delivered(), run.cpuMsPerFrame(),
                            run.peakRssKb() / 1024.0, run.latencyMedianMs(), run.latencyP95Ms(),
                            Double.isNaN(run.internalLatencyMs()) ? "–"
                                    : String.format(Locale.ROOT, "%.1f", run.internalLatencyMs()));
                    System.out.println("    threads, CPU ms/frame: " + run.threads());
                    System.out.println("    " + run.notes());
                }
            }
        }
        summary(runs);
    }

    private static Run run(String program, Path out, Path footage, Path vigilHome, String size, int fps, int warmup,
                           int measured) throws Exception {
        String[] wh = size.split("x");
        int width = Integer.parseInt(wh[0]);
        int height = Integer.parseInt(wh[1]);
        Path dir = Files.createDirectories(out.resolve(program + "-" + size + "-" + System.nanoTime()));
        Path log = dir.resolve(program + ".log");
        try (NumberedFeed feed = new NumberedFeed(CAMERA, footage, width, height, fps)) {
            awaitFeeding(feed);
            Process process = start(program, dir, vigilHome, width, height, fps, log);
            try (NumberedPipeReader reader = new NumberedPipeReader(PIPE)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                long warm = Long.MAX_VALUE;
                while (System.nanoTime() < warm) {
                    if (warm == Long.MAX_VALUE && reader.frames() > 0) {
                        warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup); // from the first frame out
                    }
                    if (!process.isAlive()) {
                        throw new IllegalStateException(program + " ended with " + process.exitValue() + ": see " + log);
                    }
                    if (feed.failure() != null) {
                        throw new IllegalStateException("the feed failed", feed.failure());
                    }
                    if (warm == Long.MAX_VALUE && System.nanoTime() > deadline) {
                        throw new IllegalStateException(program + " wrote nothing into the pipe in 300 s: see " + log);
                    }
                    Thread.sleep(100);
                }
                long pid = process.pid();
                long logStart = Files.size(log);
                long first = feed.count();
                long ticks = ProcessCpu.ticks(pid);
                Map<String, Long> threadsBefore = ProcessCpu.threadTicks(pid);
                while (feed.count() < first + measured) {
                    Thread.sleep(20);
                }
                long used = ProcessCpu.ticks(pid) - ticks;
                String threads = busiest(threadsBefore, ProcessCpu.threadTicks(pid), measured);
                long last = first + measured;
                long peak = ProcessCpu.statusKb(pid, "VmHWM");
                String logWindow = Files.readString(log).substring((int) Math.min(logStart, Files.size(log)));
                Thread.sleep(2000); // the last frames of the window on their way through
                long delivered = 0;
                double[] latencies = new double[measured];
                for (long n = first; n < last; n++) {
                    long arrived = reader.arrivedAt((int) n);
                    if (arrived != 0) {
                        latencies[(int) delivered++] = (arrived - feed.fedAt((int) n)) / 1e6;
                    }
                }
                double[] got = Arrays.copyOf(latencies, (int) delivered);
                Arrays.sort(got);
                return new Run(program, size, fps, measured, delivered,
                        used * 1000.0 / ProcessCpu.TICKS_PER_SECOND / measured, peak, percentile(got, 0.5),
                        percentile(got, 0.95), internalLatency(logWindow), threads, String.format(Locale.ROOT,
                        "pipe %s; %d frames read in all, %d without a readable number", reader.format(), reader.frames(),
                        reader.unreadable()));
            } finally {
                stop(process);
            }
        }
    }

    /** The threads that used the most CPU in the window, "name ms/frame", busiest first. */
    private static String busiest(Map<String, Long> before, Map<String, Long> after, long frames) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(),
                        e.getValue() * 1000.0 / ProcessCpu.TICKS_PER_SECOND / frames))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static void awaitFeeding(NumberedFeed feed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (feed.count() < 2) {
            if (feed.failure() != null) {
                throw new IllegalStateException("the feed failed", feed.failure());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the feed wrote nothing in 60 s");
            }
            Thread.sleep(50);
        }
    }

    private static Process start(String program, Path dir, Path vigilHome, int width, int height, int fps, Path log)
            throws IOException {
        ProcessBuilder builder;
        if (program.equals("motion")) {
            Path conf = dir.resolve("motion.conf");
            Files.writeString(conf, """
                    daemon off
                    setup_mode off
                    log_level 5
                    target_dir %s
                    video_device %s
                    video_pipe %s
                    width %d
                    height %d
                    framerate %d
                    picture_output off
                    movie_output off
                    webcontrol_port 0
                    stream_port 0
                    """.formatted(dir.resolve("files"), CAMERA, PIPE, width, height, fps));
            builder = new ProcessBuilder("motion", "-c", conf.toString(), "-n");
        } else {
            Path conf = dir.resolve("vigil.yml");
            Files.writeString(conf, """
                    status-interval: 5
                    target-dir: %s
                    retention: {min-free: none}
                    cameras:
                      side:
                        device: %s
                        size: %dx%d
                        fps: 0
                        loopback: {pipe: %s, mode: %s}
                        events: {snapshot: off, movie: false}
                    """.formatted(dir.resolve("files"), CAMERA, width, height, PIPE,
                    System.getProperty("side.pipe-mode", "auto")));
            builder = new ProcessBuilder(vigilHome.resolve("bin/vigil").toString(), "run", "-c", conf.toString());
        }
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly(); // Motion's capture thread can wait for a frame that no longer comes
            process.waitFor(10, TimeUnit.SECONDS);
        }
        Thread.sleep(1000); // both nodes free again before the next run sets their formats
    }

    private static double internalLatency(String logWindow) {
        Matcher m = VIGIL_LATENCY.matcher(logWindow);
        double sum = 0;
        int n = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static void summary(List<Run> runs) {
        System.out.println();
        System.out.println("| size | fps | program | runs | CPU ms/frame, median (min–max) | to the pipe, median of "
                + "frames | peak RSS MB, median | camera to pipe ms, median of medians | vigil / motion CPU |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|");
        List<String> sizes = runs.stream().map(r -> r.size() + "@" + r.fps()).distinct().toList();
        for (String sizeRate : sizes) {
            double motionCpu = Double.NaN;
            for (String program : List.of("motion", "vigil")) {
                List<Run> these = runs.stream().filter(r -> (r.size() + "@" + r.fps()).equals(sizeRate)
                        && r.program().equals(program)).toList();
                if (these.isEmpty()) {
                    continue;
                }
                double[] cpu = these.stream().mapToDouble(Run::cpuMsPerFrame).sorted().toArray();
                double cpuMedian = median(cpu);
                if (program.equals("motion")) {
                    motionCpu = cpuMedian;
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %d | %.1f (%.1f–%.1f) | %.0f of %d | %.0f | %.0f | %s |%n",
                        these.get(0).size(), these.get(0).fps(), program, these.size(), cpuMedian, cpu[0],
                        cpu[cpu.length - 1], median(these.stream().mapToDouble(Run::delivered).sorted().toArray()),
                        these.get(0).frames(), median(these.stream().mapToDouble(r -> r.peakRssKb() / 1024.0).sorted()
                                .toArray()), median(these.stream().mapToDouble(Run::latencyMedianMs).sorted().toArray()),
                        program.equals("vigil") && !Double.isNaN(motionCpu)
                                ? String.format(Locale.ROOT, "%.2f", cpuMedian / motionCpu) : "");
            }
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
