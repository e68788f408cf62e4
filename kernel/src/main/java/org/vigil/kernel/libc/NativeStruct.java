package org.vigil.kernel.libc;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A C struct as reusable native memory read and written at fixed offsets (the layout classes in
 * org.vigil.kernel.abi). Unlike a JNA Structure it copies nothing per call and allocates nothing
 * per access, so one instance can serve every frame. Not thread-safe: give each thread its own.
 */
public final class NativeStruct {
    private final Memory memory;
    private final ByteBuffer bytes;
    private final long address;
    private final int size;

    public NativeStruct(int size) {
        this.size = size;
        // Round up to 8 bytes so clear() can zero in longs.
        this.memory = new Memory((size + 7) & ~7);
        this.bytes = memory.getByteBuffer(0, memory.size()).order(ByteOrder.nativeOrder());
        this.address = Pointer.nativeValue(memory);
        clear();
    }

    /** The struct's address, to pass as an ioctl argument. */
    public long address() {
        return address;
    }

    public int size() {
        return size;
    }

    public NativeStruct clear() {
        for (int i = 0; i < bytes.capacity(); i += Long.BYTES) {
            bytes.putLong(i, 0L);
        }
        return this;
    }

    public int getInt(int offset) {
        return bytes.getInt(offset);
    }

    public NativeStruct putInt(int offset, int value) {
        bytes.putInt(offset, value);
        return this;
    }

    /** An unsigned 32-bit field as a non-negative long. */
    public long getUnsignedInt(int offset) {
        return Integer.toUnsignedLong(bytes.getInt(offset));
    }

    public long getLong(int offset) {
        return bytes.getLong(offset);
    }

    public NativeStruct putLong(int offset, long value) {
        bytes.putLong(offset, value);
        return this;
    }

    public short getShort(int offset) {
        return bytes.getShort(offset);
    }

    public NativeStruct putShort(int offset, short value) {
        bytes.putShort(offset, value);
        return this;
    }

    /** A NUL-terminated char array of at most {@code maxLength} bytes, decoded as UTF-8. */
    public String getString(int offset, int maxLength) {
        int length = 0;
        while (length < maxLength && bytes.get(offset + length) != 0) {
            length++;
        }
        byte[] text = new byte[length];
        bytes.get(offset, text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
