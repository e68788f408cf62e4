package org.vigil.kernel.bench;

import org.vigil.kernel.v4l2.BufferType;
import org.vigil.kernel.v4l2.CaptureSettings;
import org.vigil.kernel.v4l2.CaptureStream;
import org.vigil.kernel.v4l2.FourCC;
import org.vigil.kernel.v4l2.Fraction;
import org.vigil.kernel.v4l2.Frame;
import org.vigil.kernel.v4l2.IoMode;
import org.vigil.kernel.v4l2.PixFormat;
import org.vigil.kernel.v4l2.V4l2Device;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Per-frame cost of vigil's capture loop through the binding, on a real driver (vivid in the rig):
 * next() + release() on a frame that is already waiting (poll returns at once, then DQBUF and QBUF),
 * so the camera's frame interval is excluded; and for contrast next() in read() mode, which copies the
 * frame. The loop sleeps one frame interval before each timed cycle so a frame is always ready.
 * With --floor PATH it first runs the same cycle in C (src/test/c/dqbuf_qbuf.c) for each size.
 * Prints figures; never fails on time.
 * Usage: CaptureLoopBench [--floor PATH] DEVICE WIDTHxHEIGHT@FPS:FRAMES...
 */
public final class CaptureLoopBench {
    private CaptureLoopBench() {
    }

    public static void main(String[] args) throws Exception {
        int first = args[0].equals("--floor") ? 2 : 0;
        String floor = first == 2 ? args[1] : null;
        Path device = Path.of(args[first]);
        warmUp(device);
        for (int i = first + 1; i < args.length; i++) {
            String[] spec = args[i].split("[x@:]");
            int width = Integer.parseInt(spec[0]);
            int height = Integer.parseInt(spec[1]);
            int fps = Integer.parseInt(spec[2]);
            int frames = Integer.parseInt(spec[3]);
            if (floor != null) {
                Process c = new ProcessBuilder(floor, device.toString(), spec[0], spec[1], spec[2], spec[3]).inheritIO().start();
                if (c.waitFor() != 0) {
                    throw new IllegalStateException(floor + " exited " + c.exitValue());
                }
            }
            report("vigil   ", width, height, frames, measureMmap(device, width, height, fps, frames), "poll+DQBUF+QBUF");
            report("vigil   ", width, height, frames, measureRead(device, width, height, fps, frames), "poll+read()     ");
        }
    }

    private static long[] measureMmap(Path node, int width, int height, int fps, int frames) throws Exception {
        try (V4l2Device device = open(node, width, height, fps);
             CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults().withMode(IoMode.MMAP))) {
            return timeReadyFrames(stream, fps, frames);
        }
    }

    private static long[] measureRead(Path node, int width, int height, int fps, int frames) throws Exception {
        try (V4l2Device device = open(node, width, height, fps);
             CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults().withMode(IoMode.READ))) {
            return timeReadyFrames(stream, fps, frames);
        }
    }

    /**
     * A daemon runs its loop for hours, so the steady state is what counts: run both loops long enough
     * for the JIT to compile them (under the rig's emulation that takes a while) before timing anything.
     */
    private static void warmUp(Path node) throws Exception {
        for (IoMode mode : new IoMode[] {IoMode.MMAP, IoMode.READ}) {
            try (V4l2Device device = open(node, 320, 180, 60);
                 CaptureStream stream = CaptureStream.open(device, CaptureSettings.defaults().withMode(mode))) {
                for (int i = 0; i < 1500; i++) {
                    stream.next().release();
                }
            }
        }
    }

    private static long[] timeReadyFrames(CaptureStream stream, int fps, int frames) throws Exception {
        long[] cost = new long[frames];
        long intervalMillis = 1000 / fps + 5;
        for (int n = 0; n < frames; n++) {
            Thread.sleep(intervalMillis);
            long start = System.nanoTime();
            Frame frame = stream.next();
            frame.release();
            cost[n] = System.nanoTime() - start;
        }
        return cost;
    }

    private static V4l2Device open(Path node, int width, int height, int fps) throws Exception {
        V4l2Device device = V4l2Device.open(node);
        device.setFormat(BufferType.VIDEO_CAPTURE, PixFormat.request(width, height, FourCC.YUYV));
        device.setFrameInterval(BufferType.VIDEO_CAPTURE, new Fraction(1, fps));
        return device;
    }

    private static void report(String who, int width, int height, int frames, long[] cost, String what) {
        Arrays.sort(cost);
        System.out.printf(Locale.ROOT, "%s%4dx%-4d %6d frames  %s median %7.1f us  p90 %7.1f us%n", who, width, height,
                frames, what, cost[cost.length / 2] / 1000.0, cost[cost.length * 9 / 10] / 1000.0);
    }
}
