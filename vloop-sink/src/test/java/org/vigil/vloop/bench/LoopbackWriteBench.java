package org.vigil.vloop.bench;

import org.opencv.core.Mat;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.vloop.LoopbackWriter;
import org.vigil.vloop.OutputMode;
import org.vigil.vloop.PipeChoice;
import org.vigil.vloop.PipeFormat;
import org.vigil.vloop.PipeSettings;
import org.vigil.vloop.image.ImageLayout;
import org.vigil.opencv.OpenCvNatives;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Per-frame cost of publishing into a real v4l2loopback pipe, in write() mode and in mmap mode, for a YUYV camera
 * frame copied as it is and for each conversion, beside the C memcpy of a frame's bytes as the floor. Each figure is
 * one call of LoopbackWriter.write (conversion, copy, and the ioctl or write()) with no viewer attached; the loop
 * runs flat out, since the driver never makes a producer wait. Also prints what each frame allocated on the heap.
 * Prints figures; never fails on time.
 * Usage: LoopbackWriteBench [--floor PATH] [--frames N] CARD_LABEL WIDTHxHEIGHT...
 */
public final class LoopbackWriteBench {
    /** What the pipeline hands over, and what the pipe carries. */
    private record Case(ImageLayout source, PipeFormat pipe) {
        String label() {
            return source.name() + " -> " + (pipe == PipeFormat.YU12 ? "YU12" : pipe.name());
        }
    }

    private static final List<Case> CASES = List.of(
            new Case(ImageLayout.YUYV, PipeFormat.YUYV),
            new Case(ImageLayout.BGR, PipeFormat.YUYV),
            new Case(ImageLayout.YUYV, PipeFormat.YU12),
            new Case(ImageLayout.BGR, PipeFormat.YU12),
            new Case(ImageLayout.YUYV, PipeFormat.GREY),
            new Case(ImageLayout.GREY, PipeFormat.YUYV));

    /** Both modes, each forced, whatever auto would pick. */
    private static final OutputMode[] MODES = {OutputMode.WRITE, OutputMode.MMAP};

    private LoopbackWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        String floor = null;
        int frames = 300;
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty() && rest.get(0).startsWith("--")) {
            String option = rest.remove(0);
            if (option.equals("--floor")) {
                floor = rest.remove(0);
            } else if (option.equals("--frames")) {
                frames = Integer.parseInt(rest.remove(0));
            } else {
                throw new IllegalArgumentException("unknown option " + option);
            }
        }
        PipeChoice pipe = new PipeChoice.Labelled(rest.remove(0));
        long loadStart = System.nanoTime();
        OpenCvNatives.load();
        System.out.printf(Locale.ROOT, "OpenCV natives loaded in %.1f s%n", (System.nanoTime() - loadStart) / 1e9);
        warmUp(pipe);
        for (String size : rest) {
            String[] wh = size.split("x");
            int width = Integer.parseInt(wh[0]);
            int height = Integer.parseInt(wh[1]);
            System.out.printf("%n%dx%d%n", width, height);
            if (floor != null) {
                for (PipeFormat format : new PipeFormat[] {PipeFormat.YUYV, PipeFormat.YU12}) {
                    Process c = new ProcessBuilder(floor, Integer.toString(format.imageBytes(width, height)),
                            Integer.toString(frames)).inheritIO().start();
                    if (c.waitFor() != 0) {
                        throw new IllegalStateException(floor + " exited " + c.exitValue());
                    }
                }
            }
            for (Case c : CASES) {
                for (OutputMode mode : MODES) {
                    report(mode, c, width, height, measure(pipe, mode, c, width, height, frames, frames));
                }
            }
        }
    }

    /** Under emulation the JIT takes a while: run every path before timing any. */
    private static void warmUp(PipeChoice pipe) throws Exception {
        for (Case c : CASES) {
            for (OutputMode mode : MODES) {
                measure(pipe, mode, c, 320, 240, 1500, 10);
            }
        }
    }

    /** Per-frame nanoseconds (sorted) followed by heap bytes allocated per frame over the timed frames. */
    private static long[] measure(PipeChoice pipe, OutputMode mode, Case c, int width, int height, int warm, int frames)
            throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        PipeSettings settings = new PipeSettings(pipe, mode, c.pipe(), width, height, Fraction.perSecond(30));
        Random random = new Random(1);
        byte[] pixels = new byte[c.source().imageBytes(width, height)];
        random.nextBytes(pixels);
        ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length).put(pixels).clear();
        Mat mat = null;
        if (c.source() != ImageLayout.YUYV) {
            mat = new Mat(c.source().matRows(height), width, c.source().matType());
            mat.put(0, 0, pixels);
        }
        try (LoopbackWriter writer = LoopbackWriter.open(settings, c.source())) {
            for (int i = 0; i < warm; i++) {
                write(writer, buffer, mat);
            }
            long[] cost = new long[frames + 1];
            long allocatedBefore = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < frames; i++) {
                long start = System.nanoTime();
                write(writer, buffer, mat);
                cost[i] = System.nanoTime() - start;
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
            Arrays.sort(cost, 0, frames);
            cost[frames] = allocated / frames;
            return cost;
        } finally {
            if (mat != null) {
                mat.release();
            }
        }
    }

    private static void write(LoopbackWriter writer, ByteBuffer buffer, Mat mat) throws Exception {
        if (mat == null) {
            writer.write(buffer);
        } else {
            writer.write(mat);
        }
    }

    private static void report(OutputMode mode, Case c, int width, int height, long[] cost) {
        int frames = cost.length - 1;
        System.out.printf(Locale.ROOT, "%-9s %8d bytes  %-34s median %8.1f us  p90 %8.1f us  %d B/frame allocated%n",
                "vigil " + mode.optionName(), c.pipe().imageBytes(width, height), c.label(),
                cost[frames / 2] / 1000.0, cost[frames * 9 / 10] / 1000.0, cost[frames]);
    }
}
