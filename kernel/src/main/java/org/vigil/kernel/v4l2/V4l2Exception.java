package org.vigil.kernel.v4l2;

import org.vigil.kernel.libc.Errno;

import java.io.IOException;

/**
 * A failed operation on a video device, carrying the device path, the call that failed
 * (an ioctl macro name such as {@code VIDIOC_DQBUF}, or {@code open}, {@code mmap}, {@code poll}),
 * the errno name when the kernel gave one, and a remedy when one is known.
 */
public class V4l2Exception extends IOException {
    private final String device;
    private final String call;
    private final int errno;
    private final String remedy;
    private final Fault fault;

    /**
     * An error of the kind its errno stands for ({@link Fault#of}).
     *
     * @param errno  the raw errno, or 0 when the failure was detected by vigil rather than reported by the kernel
     * @param remedy what the user can do about it, or null
     */
    public V4l2Exception(String device, String call, int errno, String problem, String remedy) {
        this(device, call, errno, problem, remedy, Fault.of(errno));
    }

    public V4l2Exception(String device, String call, int errno, String problem, String remedy, Fault fault) {
        super(compose(device, call, errno, problem, remedy));
        this.device = device;
        this.call = call;
        this.errno = errno;
        this.remedy = remedy;
        this.fault = fault;
    }

    /** Maps a kernel error to the most specific exception type, so callers can catch busy or vanished devices. */
    public static V4l2Exception fromErrno(String device, String call, int errno, String problem) {
        return switch (Errno.of(errno)) {
            case EBUSY -> new DeviceBusyException(device, call, errno, problem);
            case ENODEV, ENXIO -> new DeviceVanishedException(device, call, errno, problem);
            case EACCES, EPERM -> new V4l2Exception(device, call, errno, problem,
                    "run vigil as a user in the 'video' group (usermod -aG video <user>) or as root");
            default -> new V4l2Exception(device, call, errno, problem, null);
        };
    }

    public String device() {
        return device;
    }

    /** The failed call, e.g. {@code VIDIOC_S_FMT}; null when vigil itself found the problem. */
    public String call() {
        return call;
    }

    /** The raw errno, 0 when none. */
    public int errno() {
        return errno;
    }

    /** The errno by name; {@link Errno#UNKNOWN} when none or not in the table. */
    public Errno errnoName() {
        return Errno.of(errno);
    }

    public String remedy() {
        return remedy;
    }

    /** Whether to wait for a new configuration, retry after a while, or wait for the device to come back. */
    public Fault fault() {
        return fault;
    }

    private static String compose(String device, String call, int errno, String problem, String remedy) {
        StringBuilder text = new StringBuilder(device).append(": ").append(problem);
        if (call != null) {
            text.append(" (").append(call);
            if (errno != 0) {
                text.append(": ").append(Errno.describe(errno));
            }
            text.append(')');
        }
        if (remedy != null) {
            text.append("; ").append(remedy);
        }
        return text.toString();
    }
}
