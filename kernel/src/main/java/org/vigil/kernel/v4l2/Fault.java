package org.vigil.kernel.v4l2;

import org.vigil.kernel.libc.Errno;

/**
 * What kind of trouble a device error is, decided once here so that capture, the sinks and the daemon react alike
 * (GStreamer's flow returns carry the same split: not-negotiated, error, eos).
 */
public enum Fault {
    /**
     * The configuration asks for something this device cannot do (a size or format it refuses, a node that cannot
     * capture, no permission): trying again changes nothing until the configuration changes.
     */
    CONFIG,
    /** Trouble that may pass by itself (busy, stalled, an I/O error, a loopback without producer): back off, retry. */
    TRANSIENT,
    /** The device is not there (unplugged, unbound, never plugged in): wait for it to come back, then reopen. */
    GONE;

    /**
     * The kind a kernel error number stands for; 0 (vigil found the problem itself, so the request cannot work)
     * counts as {@link #CONFIG}.
     */
    public static Fault of(int errno) {
        if (errno == 0) {
            return CONFIG;
        }
        return switch (Errno.of(errno)) {
            case ENODEV, ENXIO, ENOENT -> GONE;
            case EACCES, EPERM, EINVAL, ENOTTY -> CONFIG;
            default -> TRANSIENT;
        };
    }
}
