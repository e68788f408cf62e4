package org.vigil.kernel.libc;

/**
 * Linux errno values (asm-generic/errno-base.h and errno.h, shared by x86_64 and arm64) by name,
 * so errors read "EBUSY" rather than "16". The ABI test checks every number against the system headers.
 */
public enum Errno {
    EPERM(1, "operation not permitted"),
    ENOENT(2, "no such file or directory"),
    ESRCH(3, "no such process"),
    EINTR(4, "interrupted system call"),
    EIO(5, "input/output error"),
    ENXIO(6, "no such device or address"),
    E2BIG(7, "argument list too long"),
    ENOEXEC(8, "exec format error"),
    EBADF(9, "bad file descriptor"),
    ECHILD(10, "no child processes"),
    EAGAIN(11, "resource temporarily unavailable"),
    ENOMEM(12, "cannot allocate memory"),
    EACCES(13, "permission denied"),
    EFAULT(14, "bad address"),
    ENOTBLK(15, "block device required"),
    EBUSY(16, "device or resource busy"),
    EEXIST(17, "file exists"),
    EXDEV(18, "invalid cross-device link"),
    ENODEV(19, "no such device"),
    ENOTDIR(20, "not a directory"),
    EISDIR(21, "is a directory"),
    EINVAL(22, "invalid argument"),
    ENFILE(23, "too many open files in system"),
    EMFILE(24, "too many open files"),
    ENOTTY(25, "inappropriate ioctl for device"),
    ETXTBSY(26, "text file busy"),
    EFBIG(27, "file too large"),
    ENOSPC(28, "no space left on device"),
    ESPIPE(29, "illegal seek"),
    EROFS(30, "read-only file system"),
    EMLINK(31, "too many links"),
    EPIPE(32, "broken pipe"),
    EDOM(33, "numerical argument out of domain"),
    ERANGE(34, "numerical result out of range"),
    EDEADLK(35, "resource deadlock avoided"),
    ENAMETOOLONG(36, "file name too long"),
    ENOLCK(37, "no locks available"),
    ENOSYS(38, "function not implemented"),
    ENOTEMPTY(39, "directory not empty"),
    ELOOP(40, "too many levels of symbolic links"),
    ENOMSG(42, "no message of desired type"),
    ENODATA(61, "no data available"),
    ETIME(62, "timer expired"),
    ENOLINK(67, "link has been severed"),
    EPROTO(71, "protocol error"),
    EOVERFLOW(75, "value too large for defined data type"),
    EILSEQ(84, "invalid or incomplete multibyte or wide character"),
    EOPNOTSUPP(95, "operation not supported"),
    ETIMEDOUT(110, "connection timed out"),
    EALREADY(114, "operation already in progress"),
    EINPROGRESS(115, "operation now in progress"),
    EDQUOT(122, "disk quota exceeded"),
    ECANCELED(125, "operation canceled"),
    /** Any number not in this table; {@link #describe(int)} still prints the number. */
    UNKNOWN(-1, "unknown error");

    private static final Errno[] BY_CODE = indexByCode();

    private final int code;
    private final String description;

    Errno(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static Errno of(int code) {
        return code > 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }

    /** "EBUSY (device or resource busy)", or "errno 200 (unknown error)" for numbers outside the table. */
    public static String describe(int code) {
        Errno errno = of(code);
        return errno == UNKNOWN
                ? "errno " + code + " (unknown error)"
                : errno.name() + " (" + errno.description + ")";
    }

    private static Errno[] indexByCode() {
        int max = 0;
        for (Errno e : values()) {
            max = Math.max(max, e.code);
        }
        Errno[] table = new Errno[max + 1];
        for (Errno e : values()) {
            if (e.code > 0) {
                table[e.code] = e;
            }
        }
        return table;
    }
}
