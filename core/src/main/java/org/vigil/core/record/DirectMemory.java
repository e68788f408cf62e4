package org.vigil.core.record;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The JVM's direct memory, which holds every camera's frame ring and the snapshot buffers: its limit is
 * -XX:MaxDirectMemorySize, or the heap's maximum when that is not set, so a heap limit of 256 MB (the systemd unit's)
 * also limits the rings. A buffer that does not fit is reported with the figures and the remedy instead of an
 * OutOfMemoryError that would end the thread asking.
 */
public final class DirectMemory {
    private DirectMemory() {
    }

    /** The limit in bytes. */
    public static long limit() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            long set = Long.parseLong(hotspot.getVMOption("MaxDirectMemorySize").getValue());
            return set > 0 ? set : Runtime.getRuntime().maxMemory();
        } catch (RuntimeException e) {
            return Runtime.getRuntime().maxMemory();
        }
    }

    /** Bytes of direct memory in use now. */
    public static long used() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool.getMemoryUsed();
            }
        }
        return 0;
    }

    /** A direct buffer of {@code bytes}, or null when the limit leaves no room for it ({@link #shortage} says why). */
    public static ByteBuffer allocate(int bytes) {
        try {
            return ByteBuffer.allocateDirect(bytes);
        } catch (OutOfMemoryError e) {
            return null;
        }
    }

    /** What to tell the user when a buffer of {@code bytes} for {@code what} did not fit. */
    public static String shortage(String what, int bytes) {
        return String.format(Locale.ROOT, "no direct memory left for %s (%.1f MB; %.0f of the JVM's %.0f MB in use, most "
                        + "of it the cameras' frame rings): lower events.pre-capture-memory, or raise the limit with "
                        + "-XX:MaxDirectMemorySize=... in VIGIL_JAVA_OPTS", what, bytes / 1048576.0, used() / 1048576.0,
                limit() / 1048576.0);
    }

    /**
     * The problem, if any, with rings of these sizes in all: more than the limit less room for the other buffers
     * (a snapshot buffer and the labels per camera), as one sentence with the remedy; null when they fit.
     */
    public static String ringsProblem(long ringBytes, int cameras, long limit) {
        long others = cameras * 16L * 1048576; // a 1080p snapshot buffer and the pipes' label stamps, with room to spare
        if (ringBytes + others <= limit) {
            return null;
        }
        return String.format(Locale.ROOT, "the cameras' frame rings (events.pre-capture-memory, %d MB in all for %d "
                        + "camera%s) and their other buffers need more direct memory than the JVM's %d MB: frames for "
                        + "snapshots and movies would be lost; lower pre-capture-memory, or add "
                        + "-XX:MaxDirectMemorySize=%dm to VIGIL_JAVA_OPTS", ringBytes / 1048576, cameras,
                cameras == 1 ? "" : "s", limit / 1048576, (ringBytes + others) / 1048576 + 64);
    }
}
