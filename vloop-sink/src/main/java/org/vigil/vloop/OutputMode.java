package org.vigil.vloop;

import java.util.Locale;

/** How frames reach the driver. */
public enum OutputMode {
    /**
     * The faster of the two for each source, as the benchmark measured (README, vloop-sink section): {@link #WRITE}
     * when the picture is already in the pipe's format, {@link #MMAP} when it has to be converted.
     */
    AUTO,
    /**
     * One write() per frame: the kernel copies the picture into the driver's buffer. A YUYV camera frame into a YUYV
     * pipe goes straight from the camera's buffer; a conversion renders into a reused buffer first.
     */
    WRITE,
    /** mmap output streaming: the picture is copied or converted straight into a mapped driver buffer, then queued. */
    MMAP;

    public static final OutputMode DEFAULT = AUTO;

    /**
     * The mode to open with: write() sends a picture already in the pipe's format in the kernel's one copy, while a
     * conversion saves a pass by rendering straight into the driver's buffer.
     *
     * @param plainCopy whether the source is already in the pipe's format
     */
    public OutputMode resolve(boolean plainCopy) {
        if (this != AUTO) {
            return this;
        }
        return plainCopy ? WRITE : MMAP;
    }

    public static OutputMode parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "write" -> WRITE;
            case "mmap" -> MMAP;
            default -> throw new IllegalArgumentException("output mode '" + text + "' is not one of [auto, write, mmap]");
        };
    }

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
