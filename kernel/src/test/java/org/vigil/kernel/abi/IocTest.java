package org.vigil.kernel.abi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The encoding itself, against the numbers V4L2-NOTES.md lists; the header test covers the rest. */
class IocTest {
    @Test
    void requestsAreUnsigned64BitValues() {
        assertEquals(0xC0585611L, Vidioc.DQBUF);
        assertEquals(0x80685600L, Vidioc.QUERYCAP);
        assertEquals(0x40045612L, Vidioc.STREAMON);
        assertEquals("VIDIOC_DQBUF", Vidioc.name(Vidioc.DQBUF));
        assertEquals("ioctl 0x12345678", Vidioc.name(0x12345678L));
    }

    @Test
    void oversizedArgumentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ioc.iowr('V', 1, 1 << 14));
    }
}
