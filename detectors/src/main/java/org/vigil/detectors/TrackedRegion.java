package org.vigil.detectors;

/**
 * A changed region followed from frame to frame.
 *
 * @param id        the same for as long as the region is followed
 * @param box       where it is now, in full-frame coordinates
 * @param travelled the farthest its centre has been from where it was first seen, as a fraction of the frame's width
 * @param inPlace   it changes but stays where it is (leaves, a flag, insects round a lamp): not motion
 */
public record TrackedRegion(long id, Box box, double travelled, boolean inPlace) {
}
