package org.vigil.kernel.v4l2;

import java.nio.ByteBuffer;

/** A driver output buffer lent to the producer to render into, then handed over with {@link MmapOutputStream#submit}. */
public final class OutputBuffer {
    private final int index;
    private ByteBuffer view;
    private long address;
    private boolean lent;

    OutputBuffer(int index, ByteBuffer view, long address) {
        this.index = index;
        this.view = view;
        this.address = address;
    }

    public int index() {
        return index;
    }

    /** The driver buffer, position 0 and limit at its capacity; write the image from position 0. */
    public ByteBuffer data() {
        requireLent();
        return view;
    }

    /** The buffer's native address, for code that renders with native calls. */
    public long address() {
        requireLent();
        return address;
    }

    public int capacity() {
        return view == null ? 0 : view.capacity();
    }

    boolean isLent() {
        return lent;
    }

    void lend() {
        lent = true;
        view.clear();
    }

    void takeBack() {
        lent = false;
    }

    void invalidate() {
        view = null;
        address = 0;
    }

    private void requireLent() {
        if (!lent) {
            throw new IllegalStateException("output buffer " + index + " is not lent out (submitted already?)");
        }
    }
}
