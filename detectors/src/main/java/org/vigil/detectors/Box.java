package org.vigil.detectors;

/** An axis-aligned rectangle in full-frame pixel coordinates: x and y of the top-left corner, then the size. */
public record Box(int x, int y, int width, int height) {

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("box size must not be negative: " + width + "x" + height);
        }
    }

    public long area() {
        return (long) width * height;
    }

    /** Intersection over union with another box: 1 for the same box, 0 for boxes that do not overlap. */
    public double iou(Box other) {
        int left = Math.max(x, other.x);
        int top = Math.max(y, other.y);
        int right = Math.min(x + width, other.x + other.width);
        int bottom = Math.min(y + height, other.y + other.height);
        if (right <= left || bottom <= top) {
            return 0;
        }
        double intersection = (double) (right - left) * (bottom - top);
        return intersection / (area() + other.area() - intersection);
    }
}
