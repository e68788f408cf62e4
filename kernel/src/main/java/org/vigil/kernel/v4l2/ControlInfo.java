package org.vigil.kernel.v4l2;

import org.vigil.kernel.abi.V4l2Constants;

/** One control as VIDIOC_QUERYCTRL describes it; {@link #key()} is the name v4l2-ctl uses ("white_balance_automatic"). */
public record ControlInfo(int id, int type, String name, int minimum, int maximum, int step, int defaultValue,
                          int flags) {

    /** The control's name in lower case with runs of other characters turned into '_', as v4l2-ctl names it. */
    public String key() {
        return keyOf(name);
    }

    public static String keyOf(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c));
            } else if (key.length() > 0 && key.charAt(key.length() - 1) != '_') {
                key.append('_');
            }
        }
        while (key.length() > 0 && key.charAt(key.length() - 1) == '_') {
            key.setLength(key.length() - 1);
        }
        return key.toString();
    }

    public boolean isReadOnly() {
        return (flags & V4l2Constants.CTRL_FLAG_READ_ONLY) != 0;
    }

    public boolean isMenu() {
        return type == V4l2Constants.CTRL_TYPE_MENU || type == V4l2Constants.CTRL_TYPE_INTEGER_MENU;
    }

    /** Whether G_CTRL/S_CTRL can carry the value (32-bit integer, boolean, menu, button, bitmask). */
    public boolean fitsIn32Bits() {
        return switch (type) {
            case V4l2Constants.CTRL_TYPE_INTEGER, V4l2Constants.CTRL_TYPE_BOOLEAN, V4l2Constants.CTRL_TYPE_MENU,
                 V4l2Constants.CTRL_TYPE_BUTTON, V4l2Constants.CTRL_TYPE_BITMASK,
                 V4l2Constants.CTRL_TYPE_INTEGER_MENU -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return key() + String.format(" 0x%08x", id) + " [" + minimum + ".." + maximum + " step " + step
                + ", default " + defaultValue + "]";
    }
}
