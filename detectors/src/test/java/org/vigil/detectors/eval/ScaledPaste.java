package org.vigil.detectors.eval;

import org.vigil.detectors.Box;

/**
 * Pastes a sprite at any size, centred anywhere, cut off by the frame's edges: a walker far away (half size) or
 * one close to the camera (wider than half the frame, taller than it). Luma is interpolated bilinearly, the alpha
 * mask taken from the nearest sprite pixel.
 */
final class ScaledPaste {

    private ScaledPaste() {
    }

    /** @return the visible part of the pasted sprite, or null when none of it is in the frame */
    static Box paste(Sprite sprite, double scale, double centreX, double centreY, byte[] frame, int width, int height) {
        double w = sprite.width() * scale;
        double h = sprite.height() * scale;
        double left = centreX - w / 2;
        double top = centreY - h / 2;
        int x0 = Math.max(0, (int) Math.floor(left));
        int y0 = Math.max(0, (int) Math.floor(top));
        int x1 = Math.min(width, (int) Math.ceil(left + w));
        int y1 = Math.min(height, (int) Math.ceil(top + h));
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        int sw = sprite.width();
        int sh = sprite.height();
        byte[] luma = sprite.luma();
        byte[] alpha = sprite.alpha();
        for (int y = y0; y < y1; y++) {
            double sy = (y + 0.5 - top) / scale - 0.5;
            int ny = (int) Math.round(sy);
            if (ny < 0 || ny >= sh) {
                continue;
            }
            int iy = Math.max(0, Math.min(sh - 2, (int) Math.floor(sy)));
            double fy = Math.max(0, Math.min(1, sy - iy));
            for (int x = x0; x < x1; x++) {
                double sx = (x + 0.5 - left) / scale - 0.5;
                int nx = (int) Math.round(sx);
                if (nx < 0 || nx >= sw || alpha[ny * sw + nx] == 0) {
                    continue;
                }
                int ix = Math.max(0, Math.min(sw - 2, (int) Math.floor(sx)));
                double fx = Math.max(0, Math.min(1, sx - ix));
                double top2 = (1 - fx) * (luma[iy * sw + ix] & 0xff) + fx * (luma[iy * sw + ix + 1] & 0xff);
                int below = Math.min(sh - 1, iy + 1);
                double bottom2 = (1 - fx) * (luma[below * sw + ix] & 0xff) + fx * (luma[below * sw + ix + 1] & 0xff);
                frame[y * width + x] = (byte) Math.round((1 - fy) * top2 + fy * bottom2);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        return maxX < 0 ? null : new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
