package org.vigil.detectors.eval;

/**
 * A pedestrian cut out of real footage: luma values and a 0/1 alpha mask over its bounding box, so that its
 * true box when pasted at (x, y) is exactly (x, y, width, height).
 */
public record Sprite(int width, int height, byte[] luma, byte[] alpha) {

    /**
     * Pastes the sprite into a grey frame with its top-left corner at (x, y); the sprite must lie inside the frame.
     *
     * @param contrast 1 pastes the sprite as filmed; less blends it towards the background it covers
     */
    public void paste(byte[] frame, int frameWidth, int x, int y, double contrast) {
        for (int row = 0; row < height; row++) {
            int from = row * width;
            int to = (y + row) * frameWidth + x;
            for (int col = 0; col < width; col++) {
                if (alpha[from + col] != 0) {
                    int behind = frame[to + col] & 0xff;
                    frame[to + col] = (byte) Math.round(behind + contrast * ((luma[from + col] & 0xff) - behind));
                }
            }
        }
    }
}
