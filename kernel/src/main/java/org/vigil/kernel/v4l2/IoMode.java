package org.vigil.kernel.v4l2;

/** How frames travel from the driver: mapped driver buffers (zero-copy), read() into our memory, or the best the device offers. */
public enum IoMode {
    /** Streaming (mmap) when the device offers it, else read(). */
    AUTO,
    /** VIDIOC_REQBUFS + mmap + QBUF/DQBUF: frames are views of the driver's buffers, no copy. */
    MMAP,
    /** read(): one copy per frame into memory this process owns, for devices with only V4L2_CAP_READWRITE. */
    READ
}
