package org.vigil.kernel.v4l2;

import com.sun.jna.Pointer;
import org.vigil.kernel.abi.BufferLayout;
import org.vigil.kernel.abi.PosixConstants;
import org.vigil.kernel.abi.RequestBuffersLayout;
import org.vigil.kernel.abi.V4l2Constants;
import org.vigil.kernel.abi.Vidioc;
import org.vigil.kernel.libc.LibC;
import org.vigil.kernel.libc.NativeStruct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The driver buffers of one queue, allocated with REQBUFS and mapped into this process with
 * QUERYBUF + mmap. Each buffer gets one direct ByteBuffer view, made once, that frames hand out.
 * Every mapping is undone exactly once, by {@link #unmap(int)}; {@link #release()} then frees the queue.
 */
final class MappedBuffers {
    private final V4l2Device device;
    private final BufferType type;
    private final long[] addresses;
    private final int[] lengths;
    private final ByteBuffer[] views;

    private MappedBuffers(V4l2Device device, BufferType type, int count) {
        this.device = device;
        this.type = type;
        this.addresses = new long[count];
        this.lengths = new int[count];
        this.views = new ByteBuffer[count];
    }

    /**
     * Requests {@code wanted} buffers and maps every one; on any failure nothing stays mapped or allocated.
     *
     * @param minimum fewer than this from the driver is an error
     */
    static MappedBuffers map(V4l2Device device, BufferType type, int wanted, int minimum) throws V4l2Exception {
        int granted = request(device, type, wanted);
        if (granted < minimum) {
            request(device, type, 0);
            throw new V4l2Exception(device.path(), "VIDIOC_REQBUFS", 0,
                    "the driver granted " + granted + " " + V4l2Device.typeName(type) + " buffers, at least "
                            + minimum + " are needed",
                    device.capability().isLoopback() ? "load v4l2loopback with max_buffers=" + minimum + " or more" : null);
        }
        MappedBuffers buffers = new MappedBuffers(device, type, granted);
        try {
            NativeStruct query = new NativeStruct(BufferLayout.SIZE);
            for (int i = 0; i < granted; i++) {
                query.clear().putInt(BufferLayout.INDEX, i).putInt(BufferLayout.TYPE, type.code())
                        .putInt(BufferLayout.MEMORY, V4l2Constants.MEMORY_MMAP);
                device.ioctl(Vidioc.QUERYBUF, query, "cannot query buffer " + i);
                buffers.mapOne(i, query.getUnsignedInt(BufferLayout.M_OFFSET), query.getInt(BufferLayout.LENGTH));
            }
        } catch (V4l2Exception | RuntimeException e) {
            buffers.unmapAll();
            buffers.release();
            throw e;
        }
        return buffers;
    }

    /** REQBUFS; returns the count the driver granted. */
    private static int request(V4l2Device device, BufferType type, int count) throws V4l2Exception {
        NativeStruct request = new NativeStruct(RequestBuffersLayout.SIZE);
        request.putInt(RequestBuffersLayout.COUNT, count).putInt(RequestBuffersLayout.TYPE, type.code())
                .putInt(RequestBuffersLayout.MEMORY, V4l2Constants.MEMORY_MMAP);
        device.ioctl(Vidioc.REQBUFS, request, count == 0 ? "cannot free the " + V4l2Device.typeName(type) + " buffers"
                : "cannot allocate " + count + " " + V4l2Device.typeName(type) + " buffers");
        return request.getInt(RequestBuffersLayout.COUNT);
    }

    private void mapOne(int index, long offset, int length) throws V4l2Exception {
        long address = LibC.mmap(0, length, PosixConstants.PROT_READ | PosixConstants.PROT_WRITE,
                PosixConstants.MAP_SHARED, device.fd(), offset);
        if (address == LibC.MAP_FAILED) {
            throw V4l2Exception.fromErrno(device.path(), "mmap", LibC.errno(),
                    "cannot map buffer " + index + " (" + length + " bytes)");
        }
        addresses[index] = address;
        lengths[index] = length;
        views[index] = new Pointer(address).getByteBuffer(0, length).order(ByteOrder.nativeOrder());
    }

    int count() {
        return addresses.length;
    }

    long address(int index) {
        return addresses[index];
    }

    int length(int index) {
        return lengths[index];
    }

    /** The buffer's one view; callers set position and limit for each frame. */
    ByteBuffer view(int index) {
        return views[index];
    }

    boolean isMapped(int index) {
        return addresses[index] != 0;
    }

    /** Unmaps one buffer; its view must not be touched afterwards. Does nothing if already unmapped. */
    void unmap(int index) {
        if (addresses[index] != 0) {
            if (LibC.munmap(addresses[index], lengths[index]) != 0) {
                throw new IllegalStateException(device.path() + ": munmap of buffer " + index + " failed: errno "
                        + LibC.errno());
            }
            addresses[index] = 0;
            views[index] = null;
        }
    }

    void unmapAll() {
        for (int i = 0; i < addresses.length; i++) {
            unmap(i);
        }
    }

    /** REQBUFS(0): gives the queue back so another opener may stream. Ignores a vanished device. */
    void release() {
        if (device.isOpen()) {
            try {
                request(device, type, 0);
            } catch (V4l2Exception ignored) {
                // The device is gone or the driver keeps its buffers until close(); either way nothing leaks here.
            }
        }
    }
}
