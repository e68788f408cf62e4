package org.vigil.core.bench;

import org.vigil.core.lifecycle.Daemon;
import org.vigil.opencv.OpenCvNatives;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soak on the host's real CPU, beside the rig's (core/bench/soak): the daemon with four memory cameras whose
 * scene has a figure crossing every 10 s (events opening and closing, a snapshot each, the first camera recording its
 * movies with ffmpeg), for a minute of start-up and then the measured minutes. Samples RSS, descriptors and threads
 * every 10 s and the heap after a collection it asks for once a minute; the GC pauses come from the JVM's own log
 * (run it with -Xlog:gc:file=...; the profile does), which the report reads. Prints the table; judges nothing.
 *
 * <p>usage: HostSoak MINUTES GC_LOG
 */
public final class HostSoak {
    private HostSoak() {
    }

    record Sample(long second, long rssKb, long descriptors, long threads, long heapAfterGcBytes) {
    }

    public static void main(String[] args) throws Exception {
        int minutes = Integer.parseInt(args[0]);
        Path gcLog = Path.of(args[1]);
        OpenCvNatives.load();
        Path dir = Files.createTempDirectory("vigil-soak");
        StringBuilder yaml = new StringBuilder("""
                status-interval: 60
                retention: {min-free: none}
                target-dir: %s
                size: 640x480
                fps: 15
                events: {event-gap: 3, movie: false}
                cameras:
                """.formatted(dir));
        Map<String, BenchScene> scenes = new HashMap<>();
        BenchScene scene = BenchScene.comingAndGoing(640, 480, 6 * 15, 4 * 15, 24);
        for (int i = 1; i <= 4; i++) {
            scenes.put("soak" + i, scene);
            yaml.append("  soak").append(i).append(":\n    device: /dev/v4l/by-id/memory-soak").append(i).append('\n');
            if (i == 1) {
                yaml.append("    events: {event-gap: 3, movie: true, pre-capture: 1, post-capture: 2}\n");
            }
        }
        Daemon daemon = MemoryCameras.startDaemon(dir, yaml, scenes);
        long pid = ProcessHandle.current().pid();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + Duration.ofMinutes(1 + minutes).toNanos();
        long nextGc = start + Duration.ofMinutes(1).toNanos();
        try {
            while (System.nanoTime() < end) {
                long heap = -1;
                if (System.nanoTime() >= nextGc) {
                    System.gc(); // logged as "Pause Full (System.gc())", which the report leaves out of the pauses
                    heap = memory.getHeapMemoryUsage().getUsed();
                    nextGc += Duration.ofMinutes(1).toNanos();
                }
                samples.add(new Sample((System.nanoTime() - start) / 1_000_000_000L, ProcessCpu.statusKb(pid, "VmRSS"),
                        ProcessCpu.descriptors(pid), ProcessCpu.threads(pid), heap));
                Thread.sleep(10_000);
            }
        } finally {
            daemon.stop(Duration.ofSeconds(10));
        }
        long last = 60L * minutes;
        System.out.println("| | first minute | last minute |");
        System.out.println("|---|---:|---:|");
        row("RSS, MB (mean of the samples)", samples, 60, last, s -> s.rssKb() / 1024.0, "%.1f");
        row("open file descriptors", samples, 60, last, s -> s.descriptors(), "%.0f");
        row("threads", samples, 60, last, s -> s.threads(), "%.0f");
        row("heap after the forced collection, MB", samples.stream().filter(s -> s.heapAfterGcBytes() >= 0).toList(), 60,
                last, s -> s.heapAfterGcBytes() / 1048576.0, "%.1f");
        System.out.println();
        System.out.println(GcPauses.summary(gcLog, 60));
    }

    private static void row(String name, List<Sample> samples, long firstFrom, long lastFrom,
                            java.util.function.ToDoubleFunction<Sample> value, String format) {
        double first = samples.stream().filter(s -> s.second() >= firstFrom && s.second() < firstFrom + 60)
                .mapToDouble(value).average().orElse(Double.NaN);
        double last = samples.stream().filter(s -> s.second() >= lastFrom && s.second() < lastFrom + 60)
                .mapToDouble(value).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "| %s | " + format + " | " + format + " |%n", name, first, last);
    }
}
