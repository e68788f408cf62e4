package org.vigil.kernel.bench;

import org.vigil.kernel.abi.BufferLayout;
import org.vigil.kernel.abi.PosixConstants;
import org.vigil.kernel.abi.V4l2Constants;
import org.vigil.kernel.abi.Vidioc;
import org.vigil.kernel.libc.LibC;
import org.vigil.kernel.libc.NativeStruct;

import java.util.Locale;

/**
 * What the binding adds to a syscall on real hardware (the rig's figures are inflated by emulation):
 * one VIDIOC_DQBUF on /dev/null, which the kernel refuses with ENOTTY at once, timed in a tight loop
 * through the direct-mapped binding with the struct prepared as the capture loop prepares it, beside
 * the same loop in C (run with --floor). Prints figures; never fails on time.
 */
public final class IoctlOverheadBench {
    private static final int CALLS = 2_000_000;

    private IoctlOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int fd = LibC.open("/dev/null", PosixConstants.O_RDWR);
        NativeStruct buffer = new NativeStruct(BufferLayout.SIZE);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                buffer.clear().putInt(BufferLayout.TYPE, V4l2Constants.BUF_TYPE_VIDEO_CAPTURE)
                        .putInt(BufferLayout.MEMORY, V4l2Constants.MEMORY_MMAP);
                if (LibC.ioctl(fd, Vidioc.DQBUF, buffer.address()) == 0) {
                    throw new IllegalStateException("/dev/null accepted VIDIOC_DQBUF");
                }
                LibC.errno();
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) CALLS);
        }
        LibC.close(fd);
        System.out.printf(Locale.ROOT, "vigil   ioctl(VIDIOC_DQBUF) -> ENOTTY on /dev/null, struct prepared, errno read: %6.0f ns/call%n", best);
        if (args.length == 2 && args[0].equals("--floor")) {
            Process c = new ProcessBuilder(args[1], "--enotty", Integer.toString(CALLS)).inheritIO().start();
            if (c.waitFor() != 0) {
                throw new IllegalStateException(args[1] + " exited " + c.exitValue());
            }
        }
    }
}
