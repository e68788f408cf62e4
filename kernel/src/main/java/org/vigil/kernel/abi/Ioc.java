package org.vigil.kernel.abi;

/**
 * The kernel's {@code _IOC} request encoding (asm-generic/ioctl.h, used by x86_64 and arm64):
 * {@code dir << 30 | size << 16 | type << 8 | nr}. Requests are longs because ioctl takes an
 * unsigned long; an int would sign-extend the read/write bit.
 */
public final class Ioc {
    private static final int NRBITS = 8;
    private static final int TYPEBITS = 8;
    private static final int SIZEBITS = 14;
    private static final int NRSHIFT = 0;
    private static final int TYPESHIFT = NRSHIFT + NRBITS;
    private static final int SIZESHIFT = TYPESHIFT + TYPEBITS;
    private static final int DIRSHIFT = SIZESHIFT + SIZEBITS;

    private static final long NONE = 0;
    private static final long WRITE = 1;
    private static final long READ = 2;

    private Ioc() {
    }

    static long encode(long dir, char type, int nr, int size) {
        if (size < 0 || size >= 1 << SIZEBITS) {
            throw new IllegalArgumentException("ioctl argument size out of range: " + size);
        }
        return dir << DIRSHIFT | (long) size << SIZESHIFT | (long) type << TYPESHIFT | (long) nr << NRSHIFT;
    }

    public static long io(char type, int nr) {
        return encode(NONE, type, nr, 0);
    }

    /** {@code _IOR}: the kernel writes the argument back to user space. */
    public static long ior(char type, int nr, int size) {
        return encode(READ, type, nr, size);
    }

    /** {@code _IOW}: user space passes the argument to the kernel. */
    public static long iow(char type, int nr, int size) {
        return encode(WRITE, type, nr, size);
    }

    /** {@code _IOWR}: both directions. */
    public static long iowr(char type, int nr, int size) {
        return encode(READ | WRITE, type, nr, size);
    }
}
