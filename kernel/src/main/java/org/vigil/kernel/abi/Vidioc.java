package org.vigil.kernel.abi;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** The VIDIOC_* request numbers vigil uses, computed from the {@code _IOC} encoding and the struct sizes. */
public final class Vidioc {
    private static final char V = 'V';

    @CMacro("VIDIOC_QUERYCAP") public static final long QUERYCAP = Ioc.ior(V, 0, CapabilityLayout.SIZE);
    @CMacro("VIDIOC_ENUM_FMT") public static final long ENUM_FMT = Ioc.iowr(V, 2, FmtDescLayout.SIZE);
    @CMacro("VIDIOC_G_FMT") public static final long G_FMT = Ioc.iowr(V, 4, FormatLayout.SIZE);
    @CMacro("VIDIOC_S_FMT") public static final long S_FMT = Ioc.iowr(V, 5, FormatLayout.SIZE);
    @CMacro("VIDIOC_REQBUFS") public static final long REQBUFS = Ioc.iowr(V, 8, RequestBuffersLayout.SIZE);
    @CMacro("VIDIOC_QUERYBUF") public static final long QUERYBUF = Ioc.iowr(V, 9, BufferLayout.SIZE);
    @CMacro("VIDIOC_QBUF") public static final long QBUF = Ioc.iowr(V, 15, BufferLayout.SIZE);
    @CMacro("VIDIOC_DQBUF") public static final long DQBUF = Ioc.iowr(V, 17, BufferLayout.SIZE);
    @CMacro("VIDIOC_STREAMON") public static final long STREAMON = Ioc.iow(V, 18, Integer.BYTES);
    @CMacro("VIDIOC_STREAMOFF") public static final long STREAMOFF = Ioc.iow(V, 19, Integer.BYTES);
    @CMacro("VIDIOC_G_PARM") public static final long G_PARM = Ioc.iowr(V, 21, StreamParmLayout.SIZE);
    @CMacro("VIDIOC_S_PARM") public static final long S_PARM = Ioc.iowr(V, 22, StreamParmLayout.SIZE);
    @CMacro("VIDIOC_G_CTRL") public static final long G_CTRL = Ioc.iowr(V, 27, ControlLayout.SIZE);
    @CMacro("VIDIOC_S_CTRL") public static final long S_CTRL = Ioc.iowr(V, 28, ControlLayout.SIZE);
    @CMacro("VIDIOC_QUERYCTRL") public static final long QUERYCTRL = Ioc.iowr(V, 36, QueryCtrlLayout.SIZE);
    @CMacro("VIDIOC_QUERYMENU") public static final long QUERYMENU = Ioc.iowr(V, 37, QueryMenuLayout.SIZE);
    @CMacro("VIDIOC_G_INPUT") public static final long G_INPUT = Ioc.ior(V, 38, Integer.BYTES);
    @CMacro("VIDIOC_S_INPUT") public static final long S_INPUT = Ioc.iowr(V, 39, Integer.BYTES);
    @CMacro("VIDIOC_TRY_FMT") public static final long TRY_FMT = Ioc.iowr(V, 64, FormatLayout.SIZE);
    @CMacro("VIDIOC_ENUM_FRAMESIZES") public static final long ENUM_FRAMESIZES = Ioc.iowr(V, 74, FrmSizeEnumLayout.SIZE);
    @CMacro("VIDIOC_ENUM_FRAMEINTERVALS") public static final long ENUM_FRAMEINTERVALS = Ioc.iowr(V, 75, FrmIvalEnumLayout.SIZE);

    private static final Map<Long, String> NAMES = namesByRequest();

    private Vidioc() {
    }

    /** The macro name of a request for error messages, e.g. {@code "VIDIOC_DQBUF"}. */
    public static String name(long request) {
        return NAMES.getOrDefault(request, String.format("ioctl 0x%08X", request));
    }

    private static Map<Long, String> namesByRequest() {
        Map<Long, String> names = new HashMap<>();
        for (Field field : Vidioc.class.getDeclaredFields()) {
            CMacro macro = field.getAnnotation(CMacro.class);
            if (macro != null && Modifier.isStatic(field.getModifiers())) {
                try {
                    names.put(field.getLong(null), macro.value());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return Map.copyOf(names);
    }
}
