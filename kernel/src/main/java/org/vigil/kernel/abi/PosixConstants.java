package org.vigil.kernel.abi;

/** fcntl.h, sys/eventfd.h, sys/mman.h and poll.h constants for Linux; checked against the system headers by the ABI test. */
public final class PosixConstants {
    @CMacro("O_RDWR") public static final int O_RDWR = 02;
    @CMacro("O_NONBLOCK") public static final int O_NONBLOCK = 04000;
    @CMacro("O_CLOEXEC") public static final int O_CLOEXEC = 02000000;

    @CMacro("EFD_NONBLOCK") public static final int EFD_NONBLOCK = 04000;
    @CMacro("EFD_CLOEXEC") public static final int EFD_CLOEXEC = 02000000;

    @CMacro("PROT_READ") public static final int PROT_READ = 0x1;
    @CMacro("PROT_WRITE") public static final int PROT_WRITE = 0x2;
    @CMacro("MAP_SHARED") public static final int MAP_SHARED = 0x01;

    @CMacro("POLLIN") public static final short POLLIN = 0x001;
    @CMacro("POLLPRI") public static final short POLLPRI = 0x002;
    @CMacro("POLLOUT") public static final short POLLOUT = 0x004;
    @CMacro("POLLERR") public static final short POLLERR = 0x008;
    @CMacro("POLLHUP") public static final short POLLHUP = 0x010;
    @CMacro("POLLNVAL") public static final short POLLNVAL = 0x020;

    private PosixConstants() {
    }
}
