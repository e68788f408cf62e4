package org.vigil.kernel.v4l2;

/** One choice of a menu control (VIDIOC_QUERYMENU): a name, or a number for integer menus. */
public record MenuItem(int index, String name, long value) {
}
