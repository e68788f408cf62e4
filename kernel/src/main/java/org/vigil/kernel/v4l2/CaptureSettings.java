package org.vigil.kernel.v4l2;

import java.time.Duration;

/**
 * How to run a capture stream.
 *
 * @param mode        I/O method, {@link IoMode#AUTO} by default
 * @param bufferCount driver buffers to request (mmap; a loopback camera is always asked for all it has) or frames to
 *                    allocate (read); 4 by default, at least 2
 * @param timeout     how long {@link CaptureStream#next()} waits for a frame before reporting a stalled device
 * @param wakeup      polled beside the device so another thread can interrupt a wait ({@code next()} then returns
 *                    null), or null for none
 */
public record CaptureSettings(IoMode mode, int bufferCount, Duration timeout, Wakeup wakeup) {
    public static final int DEFAULT_BUFFERS = 4;
    public static final int MAX_BUFFERS = 32;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public CaptureSettings {
        if (bufferCount < 2 || bufferCount > MAX_BUFFERS) {
            throw new IllegalArgumentException("bufferCount must be 2.." + MAX_BUFFERS + ", got " + bufferCount);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    public static CaptureSettings defaults() {
        return new CaptureSettings(IoMode.AUTO, DEFAULT_BUFFERS, DEFAULT_TIMEOUT, null);
    }

    public CaptureSettings withMode(IoMode newMode) {
        return new CaptureSettings(newMode, bufferCount, timeout, wakeup);
    }

    public CaptureSettings withBufferCount(int count) {
        return new CaptureSettings(mode, count, timeout, wakeup);
    }

    public CaptureSettings withTimeout(Duration newTimeout) {
        return new CaptureSettings(mode, bufferCount, newTimeout, wakeup);
    }

    public CaptureSettings withWakeup(Wakeup newWakeup) {
        return new CaptureSettings(mode, bufferCount, timeout, newWakeup);
    }
}
