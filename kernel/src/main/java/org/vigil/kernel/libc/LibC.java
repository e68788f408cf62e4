package org.vigil.kernel.libc;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Direct-mapped libc calls. Direct mapping costs about a third of an interface-mapped call, and
 * JNA keeps errno per thread for it, so callers read {@link Native#getLastError()} after a failed
 * call instead of throwing LastErrorException (which costs tens of microseconds).
 * Pointers travel as raw addresses ({@code long}) so the per-frame path creates no Pointer objects.
 */
public final class LibC {
    static {
        Native.register(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    /** The value mmap returns on failure. */
    public static final long MAP_FAILED = -1L;

    private LibC() {
    }

    public static native int open(String path, int flags);

    public static native int close(int fd);

    /** ioctl with a 64-bit request: an int request would sign-extend the direction bits. */
    public static native int ioctl(int fd, long request, long argp);

    public static native long mmap(long addr, long length, int prot, int flags, int fd, long offset);

    public static native int munmap(long addr, long length);

    /** {@code nfds} is an nfds_t (unsigned long). */
    public static native int poll(long fds, long nfds, int timeoutMillis);

    public static native long read(int fd, long buf, long count);

    public static native long write(int fd, long buf, long count);

    /** A counter object for waking poll() from another thread (flags: EFD_NONBLOCK, EFD_CLOEXEC). */
    public static native int eventfd(int initialValue, int flags);

    /** The errno the calling thread's last native call left behind. */
    public static int errno() {
        return Native.getLastError();
    }
}
