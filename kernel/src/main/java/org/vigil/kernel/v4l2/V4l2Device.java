package org.vigil.kernel.v4l2;

import org.vigil.kernel.abi.CapabilityLayout;
import org.vigil.kernel.abi.ControlLayout;
import org.vigil.kernel.abi.FmtDescLayout;
import org.vigil.kernel.abi.FormatLayout;
import org.vigil.kernel.abi.FrmIvalEnumLayout;
import org.vigil.kernel.abi.FrmSizeEnumLayout;
import org.vigil.kernel.abi.PosixConstants;
import org.vigil.kernel.abi.QueryCtrlLayout;
import org.vigil.kernel.abi.QueryMenuLayout;
import org.vigil.kernel.abi.StreamParmLayout;
import org.vigil.kernel.abi.V4l2Constants;
import org.vigil.kernel.abi.Vidioc;
import org.vigil.kernel.libc.Errno;
import org.vigil.kernel.libc.LibC;
import org.vigil.kernel.libc.NativeStruct;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An open V4L2 node: capabilities, formats, frame rates and controls. Streams ({@link CaptureStream},
 * {@link FrameWriter}, {@link MmapOutputStream}) borrow the device and must be closed before it.
 * <p>
 * The file descriptor is non-blocking: every wait goes through poll() with a timeout, so a stalled
 * device is reported instead of hanging the caller. Setup calls allocate their own small structs and
 * may be called from any thread; the per-frame paths live in the streams.
 */
public final class V4l2Device implements AutoCloseable {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    private final String path;
    private final Capability capability;
    private volatile int fd;

    private V4l2Device(String path, int fd, Capability capability) {
        this.path = path;
        this.fd = fd;
        this.capability = capability;
    }

    /**
     * Opens a node and reads its capabilities.
     *
     * @throws DeviceNotFoundException  nothing at the path, or no driver behind the node
     * @throws NotAV4l2DeviceException  a regular file, a directory, or a character device that is not V4L2
     * @throws DeviceBusyException      the driver allows one opener and somebody has it
     * @throws V4l2Exception            anything else, with the errno (EACCES comes with the 'video' group remedy)
     */
    public static V4l2Device open(Path path) throws V4l2Exception {
        String name = path.toString();
        requireCharacterDevice(path, name);
        int fd = LibC.open(name, PosixConstants.O_RDWR | PosixConstants.O_NONBLOCK | PosixConstants.O_CLOEXEC);
        if (fd < 0) {
            int errno = LibC.errno();
            if (errno == Errno.ENOENT.code() || errno == Errno.ENXIO.code() || errno == Errno.ENODEV.code()) {
                throw new DeviceNotFoundException(name, "open", errno);
            }
            throw V4l2Exception.fromErrno(name, "open", errno, "cannot open the device");
        }
        try {
            return new V4l2Device(name, fd, queryCapability(name, fd));
        } catch (V4l2Exception | RuntimeException e) {
            LibC.close(fd);
            throw e;
        }
    }

    public static V4l2Device open(String path) throws V4l2Exception {
        return open(Path.of(path));
    }

    private static void requireCharacterDevice(Path path, String name) throws V4l2Exception {
        if (!Files.exists(path)) {
            throw new DeviceNotFoundException(name, null, 0);
        }
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
        } catch (IOException | UnsupportedOperationException e) {
            return; // let open() and QUERYCAP decide
        }
        if ((mode & S_IFMT) != S_IFCHR) {
            throw new NotAV4l2DeviceException(name, null, 0,
                    Files.isDirectory(path) ? "a directory" : Files.isRegularFile(path) ? "a regular file"
                            : "not a character device");
        }
    }

    private static Capability queryCapability(String name, int fd) throws V4l2Exception {
        NativeStruct cap = new NativeStruct(CapabilityLayout.SIZE);
        if (LibC.ioctl(fd, Vidioc.QUERYCAP, cap.address()) < 0) {
            int errno = LibC.errno();
            if (errno == Errno.ENOTTY.code() || errno == Errno.EINVAL.code()) {
                throw new NotAV4l2DeviceException(name, "VIDIOC_QUERYCAP", errno, "a character device");
            }
            throw V4l2Exception.fromErrno(name, "VIDIOC_QUERYCAP", errno, "cannot query the device");
        }
        return new Capability(
                cap.getString(CapabilityLayout.DRIVER, CapabilityLayout.DRIVER_LEN),
                cap.getString(CapabilityLayout.CARD, CapabilityLayout.CARD_LEN),
                cap.getString(CapabilityLayout.BUS_INFO, CapabilityLayout.BUS_INFO_LEN),
                cap.getInt(CapabilityLayout.VERSION),
                cap.getInt(CapabilityLayout.CAPABILITIES),
                cap.getInt(CapabilityLayout.DEVICE_CAPS));
    }

    public String path() {
        return path;
    }

    /** The capabilities read when the device was opened. */
    public Capability capability() {
        return capability;
    }

    /** Queries the capabilities afresh: a loopback node's change when a producer attaches (exclusive_caps=1). */
    public Capability currentCapability() throws V4l2Exception {
        return queryCapability(path, fd());
    }

    /** The raw descriptor, for streams in this package and for poll loops in callers. */
    public int fd() {
        int current = fd;
        if (current < 0) {
            throw new IllegalStateException(path + " is closed");
        }
        return current;
    }

    public boolean isOpen() {
        return fd >= 0;
    }

    /** Issues an ioctl and returns 0 or the errno, without throwing: for paths where some errnos are expected. */
    int ioctlErrno(long request, long argp) {
        return LibC.ioctl(fd(), request, argp) < 0 ? LibC.errno() : 0;
    }

    /** Issues an ioctl, turning a failure into the matching typed exception. */
    void ioctl(long request, NativeStruct arg, String problem) throws V4l2Exception {
        int errno = ioctlErrno(request, arg.address());
        // The struct's native memory must outlive the call even if the caller never reads it again.
        Reference.reachabilityFence(arg);
        if (errno != 0) {
            throw V4l2Exception.fromErrno(path, Vidioc.name(request), errno, problem);
        }
    }

    // ---- formats ------------------------------------------------------------------------------------

    public List<FormatDescription> formats(BufferType type) throws V4l2Exception {
        List<FormatDescription> formats = new ArrayList<>();
        NativeStruct desc = new NativeStruct(FmtDescLayout.SIZE);
        for (int index = 0; ; index++) {
            desc.clear().putInt(FmtDescLayout.INDEX, index).putInt(FmtDescLayout.TYPE, type.code());
            int errno = ioctlErrno(Vidioc.ENUM_FMT, desc.address());
            if (errno == Errno.EINVAL.code()) {
                return formats; // past the last entry
            }
            if (errno != 0) {
                throw V4l2Exception.fromErrno(path, "VIDIOC_ENUM_FMT", errno, "cannot list formats");
            }
            formats.add(new FormatDescription(index, desc.getInt(FmtDescLayout.PIXELFORMAT),
                    desc.getString(FmtDescLayout.DESCRIPTION, FmtDescLayout.DESCRIPTION_LEN),
                    desc.getInt(FmtDescLayout.FLAGS)));
        }
    }

    public List<FrameSize> frameSizes(int pixelFormat) throws V4l2Exception {
        List<FrameSize> sizes = new ArrayList<>();
        NativeStruct size = new NativeStruct(FrmSizeEnumLayout.SIZE);
        for (int index = 0; ; index++) {
            size.clear().putInt(FrmSizeEnumLayout.INDEX, index).putInt(FrmSizeEnumLayout.PIXEL_FORMAT, pixelFormat);
            int errno = ioctlErrno(Vidioc.ENUM_FRAMESIZES, size.address());
            if (errno == Errno.EINVAL.code() || errno == Errno.ENOTTY.code()) {
                return sizes;
            }
            if (errno != 0) {
                throw V4l2Exception.fromErrno(path, "VIDIOC_ENUM_FRAMESIZES", errno, "cannot list frame sizes");
            }
            int type = size.getInt(FrmSizeEnumLayout.TYPE);
            if (type == V4l2Constants.FRMSIZE_TYPE_DISCRETE) {
                sizes.add(FrameSize.discrete(size.getInt(FrmSizeEnumLayout.DISCRETE_WIDTH),
                        size.getInt(FrmSizeEnumLayout.DISCRETE_HEIGHT)));
            } else {
                sizes.add(new FrameSize(type,
                        size.getInt(FrmSizeEnumLayout.MIN_WIDTH), size.getInt(FrmSizeEnumLayout.MAX_WIDTH),
                        size.getInt(FrmSizeEnumLayout.STEP_WIDTH), size.getInt(FrmSizeEnumLayout.MIN_HEIGHT),
                        size.getInt(FrmSizeEnumLayout.MAX_HEIGHT), size.getInt(FrmSizeEnumLayout.STEP_HEIGHT)));
                return sizes; // a range is the only entry
            }
        }
    }

    public List<FrameInterval> frameIntervals(int pixelFormat, int width, int height) throws V4l2Exception {
        List<FrameInterval> intervals = new ArrayList<>();
        NativeStruct ival = new NativeStruct(FrmIvalEnumLayout.SIZE);
        for (int index = 0; ; index++) {
            ival.clear().putInt(FrmIvalEnumLayout.INDEX, index).putInt(FrmIvalEnumLayout.PIXEL_FORMAT, pixelFormat)
                    .putInt(FrmIvalEnumLayout.WIDTH, width).putInt(FrmIvalEnumLayout.HEIGHT, height);
            int errno = ioctlErrno(Vidioc.ENUM_FRAMEINTERVALS, ival.address());
            if (errno == Errno.EINVAL.code() || errno == Errno.ENOTTY.code()) {
                return intervals;
            }
            if (errno != 0) {
                throw V4l2Exception.fromErrno(path, "VIDIOC_ENUM_FRAMEINTERVALS", errno, "cannot list frame intervals");
            }
            int type = ival.getInt(FrmIvalEnumLayout.TYPE);
            Fraction min = new Fraction(ival.getInt(FrmIvalEnumLayout.MIN_NUM), ival.getInt(FrmIvalEnumLayout.MIN_DEN));
            if (type == V4l2Constants.FRMIVAL_TYPE_DISCRETE) {
                intervals.add(FrameInterval.discrete(min));
            } else {
                intervals.add(new FrameInterval(type, min,
                        new Fraction(ival.getInt(FrmIvalEnumLayout.MAX_NUM), ival.getInt(FrmIvalEnumLayout.MAX_DEN)),
                        new Fraction(ival.getInt(FrmIvalEnumLayout.STEP_NUM), ival.getInt(FrmIvalEnumLayout.STEP_DEN))));
                return intervals;
            }
        }
    }

    /**
     * The current format (VIDIOC_G_FMT).
     *
     * @throws CannotCaptureException for a capture format on a loopback node that has no producer yet
     */
    public PixFormat format(BufferType type) throws V4l2Exception {
        NativeStruct format = new NativeStruct(FormatLayout.SIZE);
        format.putInt(FormatLayout.TYPE, type.code());
        int errno = ioctlErrno(Vidioc.G_FMT, format.address());
        if (errno != 0) {
            if (type == BufferType.VIDEO_CAPTURE && capability.isLoopback() && errno == Errno.EINVAL.code()) {
                throw noProducer("VIDIOC_G_FMT", errno);
            }
            throw V4l2Exception.fromErrno(path, "VIDIOC_G_FMT", errno, "cannot read the " + typeName(type) + " format");
        }
        return readPix(format);
    }

    /**
     * Sets a format and insists on it (VIDIOC_S_FMT): the driver must keep the size and pixel format
     * it was asked for, else the format it offered and the list it supports are reported.
     */
    public PixFormat setFormat(BufferType type, PixFormat request) throws V4l2Exception {
        return applyFormat(Vidioc.S_FMT, type, request, true);
    }

    /** Asks what the driver would make of a format without changing anything (VIDIOC_TRY_FMT). */
    public PixFormat tryFormat(BufferType type, PixFormat request) throws V4l2Exception {
        return applyFormat(Vidioc.TRY_FMT, type, request, false);
    }

    /** Sets a format and returns whatever the driver chose, for callers that negotiate. */
    public PixFormat negotiateFormat(BufferType type, PixFormat request) throws V4l2Exception {
        return applyFormat(Vidioc.S_FMT, type, request, false);
    }

    private PixFormat applyFormat(long request, BufferType type, PixFormat wanted, boolean strict)
            throws V4l2Exception {
        NativeStruct format = new NativeStruct(FormatLayout.SIZE);
        format.putInt(FormatLayout.TYPE, type.code())
                .putInt(FormatLayout.PIX_WIDTH, wanted.width())
                .putInt(FormatLayout.PIX_HEIGHT, wanted.height())
                .putInt(FormatLayout.PIX_PIXELFORMAT, wanted.pixelFormat())
                .putInt(FormatLayout.PIX_FIELD, wanted.field())
                .putInt(FormatLayout.PIX_BYTESPERLINE, wanted.bytesPerLine())
                .putInt(FormatLayout.PIX_SIZEIMAGE, wanted.sizeImage());
        int errno = ioctlErrno(request, format.address());
        if (errno == Errno.EBUSY.code() || errno == Errno.ENODEV.code()) {
            throw V4l2Exception.fromErrno(path, Vidioc.name(request), errno, "cannot set the format");
        }
        if (errno != 0) {
            throw new FormatRejectedException(path, Vidioc.name(request), errno, wanted, null, supportedSummary(type));
        }
        PixFormat actual = readPix(format);
        if (strict && !actual.matches(wanted)) {
            throw new FormatRejectedException(path, Vidioc.name(request), 0, wanted, actual, supportedSummary(type));
        }
        return actual;
    }

    private static PixFormat readPix(NativeStruct format) {
        return new PixFormat(format.getInt(FormatLayout.PIX_WIDTH), format.getInt(FormatLayout.PIX_HEIGHT),
                format.getInt(FormatLayout.PIX_PIXELFORMAT), format.getInt(FormatLayout.PIX_FIELD),
                format.getInt(FormatLayout.PIX_BYTESPERLINE), format.getInt(FormatLayout.PIX_SIZEIMAGE),
                format.getInt(FormatLayout.PIX_COLORSPACE));
    }

    /** "YUYV: 320x180, 640x360; GREY: 16x16 - 1920x1080 step 1/1", for error messages. */
    List<String> supportedSummary(BufferType type) {
        List<String> lines = new ArrayList<>();
        try {
            for (FormatDescription description : formats(type)) {
                List<String> sizes = frameSizes(description.pixelFormat()).stream().map(FrameSize::toString).toList();
                lines.add(description.fourcc() + (sizes.isEmpty() ? "" : ": " + String.join(", ", sizes)));
            }
        } catch (V4l2Exception e) {
            lines.add("(could not list formats: " + e.getMessage() + ")");
        }
        return lines;
    }

    // ---- frame rate ----------------------------------------------------------------------------------

    /** The time per frame (VIDIOC_G_PARM); 1/30 means 30 fps. */
    public Fraction frameInterval(BufferType type) throws V4l2Exception {
        NativeStruct parm = new NativeStruct(StreamParmLayout.SIZE);
        parm.putInt(StreamParmLayout.TYPE, type.code());
        ioctl(Vidioc.G_PARM, parm, "cannot read the frame rate");
        return new Fraction(parm.getInt(StreamParmLayout.TIMEPERFRAME_NUM), parm.getInt(StreamParmLayout.TIMEPERFRAME_DEN));
    }

    /**
     * Asks for a time per frame (VIDIOC_S_PARM) and returns what the driver chose, which is the nearest
     * rate it supports. (Not every driver that honours S_PARM sets V4L2_CAP_TIMEPERFRAME: v4l2loopback's
     * output does not, so the call itself is the test.)
     */
    public Fraction setFrameInterval(BufferType type, Fraction interval) throws V4l2Exception {
        NativeStruct parm = new NativeStruct(StreamParmLayout.SIZE);
        parm.putInt(StreamParmLayout.TYPE, type.code())
                .putInt(StreamParmLayout.TIMEPERFRAME_NUM, interval.numerator())
                .putInt(StreamParmLayout.TIMEPERFRAME_DEN, interval.denominator());
        int errno = ioctlErrno(Vidioc.S_PARM, parm.address());
        if (errno == Errno.ENOTTY.code()) {
            throw new V4l2Exception(path, "VIDIOC_S_PARM", errno, "the driver does not support setting the frame rate",
                    "leave the frame rate unset for this device");
        }
        if (errno != 0) {
            throw V4l2Exception.fromErrno(path, "VIDIOC_S_PARM", errno, "cannot set the frame rate to " + interval + " s");
        }
        return new Fraction(parm.getInt(StreamParmLayout.TIMEPERFRAME_NUM), parm.getInt(StreamParmLayout.TIMEPERFRAME_DEN));
    }

    // ---- inputs --------------------------------------------------------------------------------------

    /** The video input in use (VIDIOC_G_INPUT), as v4l2-ctl -I shows it. */
    public int input() throws V4l2Exception {
        NativeStruct index = new NativeStruct(Integer.BYTES);
        ioctl(Vidioc.G_INPUT, index, "cannot read the video input");
        return index.getInt(0);
    }

    /**
     * Selects a video input (VIDIOC_S_INPUT), as v4l2-ctl -i does: a capture card's composite or S-Video socket,
     * vivid's webcam or HDMI input. Formats and sizes then follow that input.
     */
    public void setInput(int input) throws V4l2Exception {
        NativeStruct index = new NativeStruct(Integer.BYTES);
        index.putInt(0, input);
        int errno = ioctlErrno(Vidioc.S_INPUT, index.address());
        Reference.reachabilityFence(index);
        if (errno == Errno.EINVAL.code()) {
            throw new V4l2Exception(path, "VIDIOC_S_INPUT", errno, "the device has no video input " + input,
                    "`v4l2-ctl -d " + path + " --list-inputs` lists its inputs", Fault.CONFIG);
        }
        if (errno != 0) {
            throw V4l2Exception.fromErrno(path, "VIDIOC_S_INPUT", errno, "cannot select video input " + input);
        }
    }

    // ---- controls ------------------------------------------------------------------------------------

    /** Every enabled control, walked with V4L2_CTRL_FLAG_NEXT_CTRL (class headings skipped). */
    public List<ControlInfo> controls() throws V4l2Exception {
        List<ControlInfo> controls = new ArrayList<>();
        NativeStruct query = new NativeStruct(QueryCtrlLayout.SIZE);
        int id = 0;
        while (true) {
            query.clear().putInt(QueryCtrlLayout.ID, id | V4l2Constants.CTRL_FLAG_NEXT_CTRL);
            int errno = ioctlErrno(Vidioc.QUERYCTRL, query.address());
            if (errno == Errno.EINVAL.code() || errno == Errno.ENOTTY.code()) {
                return controls;
            }
            if (errno != 0) {
                throw V4l2Exception.fromErrno(path, "VIDIOC_QUERYCTRL", errno, "cannot list controls");
            }
            ControlInfo control = readControl(query);
            id = control.id();
            if (control.type() != V4l2Constants.CTRL_TYPE_CTRL_CLASS
                    && (control.flags() & V4l2Constants.CTRL_FLAG_DISABLED) == 0) {
                controls.add(control);
            }
        }
    }

    /** A control by v4l2-ctl's name ("brightness", "horizontal_movement") or by its label ("Brightness"). */
    public Optional<ControlInfo> control(String name) throws V4l2Exception {
        String key = ControlInfo.keyOf(name);
        for (ControlInfo control : controls()) {
            if (control.key().equals(key)) {
                return Optional.of(control);
            }
        }
        return Optional.empty();
    }

    public ControlInfo requireControl(String name) throws V4l2Exception {
        Optional<ControlInfo> control = control(name);
        if (control.isEmpty()) {
            List<String> names = controls().stream().map(ControlInfo::key).toList();
            throw new V4l2Exception(path, null, 0, "no control named '" + name + "'",
                    "controls here: " + String.join(", ", names));
        }
        return control.get();
    }

    public int getControl(ControlInfo control) throws V4l2Exception {
        requireScalar(control);
        NativeStruct value = new NativeStruct(ControlLayout.SIZE);
        value.putInt(ControlLayout.ID, control.id());
        ioctl(Vidioc.G_CTRL, value, "cannot read control '" + control.key() + "'");
        return value.getInt(ControlLayout.VALUE);
    }

    /** Sets a control after checking the value against its range, and returns the value the driver kept. */
    public int setControl(ControlInfo control, int wanted) throws V4l2Exception {
        requireScalar(control);
        if (control.isReadOnly()) {
            throw new V4l2Exception(path, null, 0, "control '" + control.key() + "' is read-only", null);
        }
        if (wanted < control.minimum() || wanted > control.maximum()) {
            throw new V4l2Exception(path, null, 0, "value " + wanted + " is outside control '" + control.key()
                    + "' range " + control.minimum() + ".." + control.maximum(), null);
        }
        NativeStruct value = new NativeStruct(ControlLayout.SIZE);
        value.putInt(ControlLayout.ID, control.id()).putInt(ControlLayout.VALUE, wanted);
        ioctl(Vidioc.S_CTRL, value, "cannot set control '" + control.key() + "' to " + wanted);
        return value.getInt(ControlLayout.VALUE);
    }

    public int getControl(String name) throws V4l2Exception {
        return getControl(requireControl(name));
    }

    public int setControl(String name, int value) throws V4l2Exception {
        return setControl(requireControl(name), value);
    }

    /** The choices of a menu control; holes in the menu (indexes the driver skips) are left out. */
    public List<MenuItem> menu(ControlInfo control) throws V4l2Exception {
        List<MenuItem> items = new ArrayList<>();
        if (!control.isMenu()) {
            return items;
        }
        NativeStruct query = new NativeStruct(QueryMenuLayout.SIZE);
        for (int index = control.minimum(); index <= control.maximum(); index++) {
            query.clear().putInt(QueryMenuLayout.ID, control.id()).putInt(QueryMenuLayout.INDEX, index);
            if (ioctlErrno(Vidioc.QUERYMENU, query.address()) != 0) {
                continue;
            }
            boolean integerMenu = control.type() == V4l2Constants.CTRL_TYPE_INTEGER_MENU;
            long number = integerMenu ? query.getLong(QueryMenuLayout.VALUE) : index;
            items.add(new MenuItem(index,
                    integerMenu ? Long.toString(number) : query.getString(QueryMenuLayout.NAME, QueryMenuLayout.NAME_LEN),
                    number));
        }
        return items;
    }

    private void requireScalar(ControlInfo control) throws V4l2Exception {
        if (!control.fitsIn32Bits()) {
            throw new V4l2Exception(path, null, 0, "control '" + control.key() + "' has type " + control.type()
                    + ", which VIDIOC_G_CTRL/S_CTRL cannot carry", "use v4l2-ctl for 64-bit, string and compound controls");
        }
    }

    private static ControlInfo readControl(NativeStruct query) {
        return new ControlInfo(query.getInt(QueryCtrlLayout.ID), query.getInt(QueryCtrlLayout.TYPE),
                query.getString(QueryCtrlLayout.NAME, QueryCtrlLayout.NAME_LEN),
                query.getInt(QueryCtrlLayout.MINIMUM), query.getInt(QueryCtrlLayout.MAXIMUM),
                query.getInt(QueryCtrlLayout.STEP), query.getInt(QueryCtrlLayout.DEFAULT_VALUE),
                query.getInt(QueryCtrlLayout.FLAGS));
    }

    // ---- streaming -----------------------------------------------------------------------------------

    void streamOn(BufferType type) throws V4l2Exception {
        NativeStruct arg = typeArgument(type);
        int errno = ioctlErrno(Vidioc.STREAMON, arg.address());
        Reference.reachabilityFence(arg);
        if (errno != 0) {
            throw V4l2Exception.fromErrno(path, "VIDIOC_STREAMON", errno, "cannot start streaming");
        }
    }

    /** STREAMOFF; returns the errno (0 when fine) because teardown goes on whatever happens. */
    int streamOff(BufferType type) {
        NativeStruct arg = typeArgument(type);
        int errno = ioctlErrno(Vidioc.STREAMOFF, arg.address());
        Reference.reachabilityFence(arg);
        return errno;
    }

    /** STREAMON/STREAMOFF take a pointer to the buffer type. */
    private static NativeStruct typeArgument(BufferType type) {
        return new NativeStruct(Integer.BYTES).putInt(0, type.code());
    }

    CannotCaptureException noProducer(String call, int errno) {
        return new CannotCaptureException(path, call, errno,
                "this loopback device has no producer yet, so there is nothing to capture",
                "start the program that writes into " + path + " first (for a vigil pipe: the camera feeding it)",
                Fault.TRANSIENT);
    }

    static String typeName(BufferType type) {
        return type == BufferType.VIDEO_CAPTURE ? "capture" : "output";
    }

    /** Closes the descriptor once; later calls do nothing. */
    @Override
    public synchronized void close() {
        int current = fd;
        if (current >= 0) {
            fd = -1;
            LibC.close(current);
        }
    }

    @Override
    public String toString() {
        return path + " (" + capability.driver() + ": " + capability.card() + ")";
    }
}
