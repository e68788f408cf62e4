package org.vigil.vloop.rig;

import org.vigil.kernel.testing.ExternalCommand;
import org.vigil.vloop.PipeFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one real viewer on a pipe while the test keeps writing numbered frames, then reads back what the viewer
 * saved: every frame byte-exact, in order, none missing or repeated.
 */
final class ViewerRun {
    /** Writes frame n into the pipe. */
    interface FrameSender {
        void send(int n) throws Exception;
    }

    /**
     * What a viewer saved: the frame numbers in file order, and the command's output.
     *
     * @param nextNumber the number for the next frame written after this run
     */
    record Result(List<Integer> numbers, String output, int nextNumber) {
    }

    private ViewerRun() {
    }

    /**
     * @param firstNumber the number of the first frame sent; frames keep their numbers across runs on one pipe
     * @param period      milliseconds between frames: slow enough that a viewer under emulation keeps up
     */
    static Result run(Viewer viewer, Path node, PipeFormat format, int width, int height, int frames,
                      FrameSender sender, int firstNumber, long period) throws Exception {
        int imageBytes = format.imageBytes(width, height);
        Capture capture = capture(viewer, node, format, width, height, frames, sender, firstNumber, period);
        List<Integer> numbers = new ArrayList<>();
        for (int offset = 0; offset < capture.data().length; offset += imageBytes) {
            numbers.add(NumberedFrames.check(capture.data(), offset, imageBytes));
        }
        return new Result(numbers, capture.output(), capture.nextNumber());
    }

    /** The bytes a viewer saved, checked to be whole frames of the format's image size. */
    record Capture(byte[] data, String output, int nextNumber) {
    }

    static Capture capture(Viewer viewer, Path node, PipeFormat format, int width, int height, int frames,
                           FrameSender sender, int firstNumber, long period) throws Exception {
        Path file = Files.createTempFile("vigil-" + viewer.name().toLowerCase(Locale.ROOT), ".raw");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            List<String> command = viewer.command(node, format, width, height, frames, file);
            Future<String> viewing = thread.submit(() -> ExternalCommand.run(command, 120));
            int n = firstNumber;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (!viewing.isDone()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(viewer + " did not finish: " + command);
                }
                sender.send(n++);
                Thread.sleep(period);
            }
            String output = viewing.get();
            byte[] data = Files.readAllBytes(file);
            int imageBytes = format.imageBytes(width, height);
            if (data.length != frames * imageBytes) {
                throw new AssertionError(viewer + " saved " + data.length + " bytes, not " + frames + " frames of "
                        + imageBytes + " bytes; output:\n" + output);
            }
            return new Capture(data, output, n);
        } finally {
            thread.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    /** Frame order and count kept: exactly {@code frames} numbers, each one more than the one before. */
    static void requireConsecutive(Viewer viewer, Result result, int frames) {
        List<Integer> numbers = result.numbers();
        boolean consecutive = numbers.size() == frames;
        for (int i = 1; consecutive && i < numbers.size(); i++) {
            consecutive = numbers.get(i) == numbers.get(i - 1) + 1;
        }
        if (!consecutive) {
            throw new AssertionError(viewer + " saved frames " + numbers + ", wanted " + frames + " consecutive ones; "
                    + "output:\n" + result.output());
        }
    }
}
