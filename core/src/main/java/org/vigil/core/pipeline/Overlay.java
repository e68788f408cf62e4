package org.vigil.core.pipeline;

import org.vigil.detectors.Box;
import org.vigil.detectors.DetectionState;

import java.util.ArrayList;
import java.util.List;

/**
 * What the annotator draws on one frame, as data: the boxes in full-frame coordinates and two labels placed in the
 * frame. Made when the detection or the written time changes, never per frame; drawing is the painters' job.
 *
 * @param boxThickness line width of the boxes in pixels
 * @param labels       the top label (camera name, time) and the bottom one (state, change), those switched on
 */
record Overlay(List<Box> boxes, int boxThickness, List<Label> labels) {

    /**
     * A text on a black background.
     *
     * @param x          the background's left edge (y its top)
     * @param textX      where the text starts, from the background's left edge (after the mark, if any)
     * @param baseline   the text's baseline
     * @param mark       a square in a colour before the text, or null
     */
    record Label(String text, int x, int y, int width, int height, int textX, int baseline, double scale,
                 int thickness, YuvColour mark, int markSize) {
    }

    /** The labels' texts, top first (what a viewer reads on the feed). */
    List<String> texts() {
        return labels.stream().map(Label::text).toList();
    }

    static YuvColour markOf(DetectionState state) {
        return switch (state) {
            case MOTION -> YuvColour.RED;
            case QUIET -> YuvColour.GREEN;
            case CALIBRATING -> YuvColour.BLUE;
            case LIGHTING -> YuvColour.YELLOW;
            case IN_PLACE -> YuvColour.CYAN;
        };
    }

    /**
     * Every rectangle the overlay may change, as {x, y, width, height}, grown by two pixels for the painters' rounding
     * (packed 4:2:2 is drawn in pixel pairs, 4:2:0 chroma in 2x2 blocks): outside them the picture is the camera's.
     */
    List<int[]> regions() {
        List<int[]> regions = new ArrayList<>();
        for (Box box : boxes) {
            regions.add(new int[] {box.x() - boxThickness - 2, box.y() - boxThickness - 2,
                    box.width() + 2 * boxThickness + 4, box.height() + 2 * boxThickness + 4});
        }
        for (Label label : labels) {
            regions.add(new int[] {label.x() - 2, label.y() - 2, label.width() + 4, label.height() + 4});
        }
        return regions;
    }
}
