package org.vigil.detectors.analysis;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.vigil.detectors.TrackedRegion;

/**
 * Follows changed regions from frame to frame, to tell motion that travels (a person, a car, an animal) from motion
 * that stays where it is (leaves, a flag, insects round a lamp). A region takes over the track whose last box it
 * overlaps most (boxes grown by a reach for fast movers); a track not seen for half a second ends. A track is:
 * <ul>
 * <li>travelling once its centre has been at least the minimum travel from where it was first seen (and half its
 *     own size, so a large swaying mass of leaves does not count);</li>
 * <li>new while young, when it was born where no in-place change was seen lately: a person stepping into view
 *     is motion at once, before it has had time to travel;</li>
 * <li>in place otherwise: it changes but stays; its cells are remembered in the {@link InPlaceMap}.</li>
 * </ul>
 */
final class RegionTracker {

    enum Kind { TRAVELLING, NEW, IN_PLACE }

    private static final double LOST_SECONDS = 0.5;
    private static final double NEW_SECONDS = 10;
    private static final double REACH = 0.04; // of the frame's width: how far a region may go between two frames
    private static final double BORN_IN_PLACE = 0.5; // share of in-place cells under a new region
    private static final double SOLID = 0.3; // share of a new region's box that changed: a body, not scattered specks
    private static final int STEADY_FRAMES = 4;
    private static final double RESHAPED = 0.3; // change of a box's side between frames that is not travel
    private static final double SMOOTHING = 0.5; // weight of the newest centre in the position travel is measured by

    static final class Track {
        final long id;
        double originX;
        double originY;
        final boolean bornNew;
        double x;
        double y;
        int left, top, width, height;
        int wasLeft, wasTop, wasWidth, wasHeight; // the box before this frame's
        double age;
        double unseen;
        double travelled;
        double size;
        boolean hasTravelled;
        boolean matched;
        boolean matchedBefore;
        boolean unseenBefore;
        int seenInARow;

        Track(long id, double x, double y, boolean bornNew) {
            this.id = id;
            this.originX = x;
            this.originY = y;
            this.x = x;
            this.y = y;
            this.bornNew = bornNew;
        }

        Kind kind() {
            return hasTravelled ? Kind.TRAVELLING : bornNew && age <= NEW_SECONDS ? Kind.NEW : Kind.IN_PLACE;
        }
    }

    private final AnalysisGeometry geometry;
    private final double minTravel; // analysis pixels, 0 for off
    private final double reach;
    private final List<Track> tracks = new ArrayList<>();
    private Track[] ofRegion = new Track[16];
    private long nextId = 1;

    RegionTracker(AnalysisGeometry geometry, double minTravelShare) {
        this.geometry = geometry;
        this.minTravel = minTravelShare * geometry.width();
        this.reach = Math.max(2, REACH * geometry.width());
    }

    boolean enabled() {
        return minTravel > 0;
    }

    /** Time passes without regions (a quiet frame): tracks not seen for long enough end. */
    void age(double seconds) {
        if (!tracks.isEmpty()) {
            for (Track t : tracks) {
                t.unseen += seconds;
                t.age += seconds;
            }
            endLost();
        }
    }

    /** Ends the tracks not seen for a while. */
    private void endLost() {
        for (int i = tracks.size() - 1; i >= 0; i--) {
            if (tracks.get(i).unseen > LOST_SECONDS) {
                tracks.remove(i);
            }
        }
    }

    /** Matches this frame's large regions to the tracks; afterwards {@link #of(int)} gives each region's track. */
    void update(ChangeRegions regions, Mat changed, int count, InPlaceMap inPlace, double seconds) {
        RunLabeller labels = regions.labels();
        if (ofRegion.length < count) {
            ofRegion = new Track[Math.max(count, 2 * ofRegion.length)];
        }
        for (Track t : tracks) {
            t.matched = false;
            t.unseen += seconds;
            t.age += seconds;
        }
        // larger regions choose first: a person keeps their track when a fragment breaks off
        for (int pass = 0; pass < count; pass++) {
            int region = largestUnassigned(labels, count, pass);
            ofRegion[region] = null;
            if (!regions.large(region)) {
                continue;
            }
            int left = labels.left(region), top = labels.top(region), w = labels.width(region), h = labels.height(region);
            Track best = null;
            double bestOverlap = 0;
            for (Track t : tracks) {
                if (t.matched) {
                    continue;
                }
                double overlap = overlap(t, left, top, w, h);
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = t;
                }
            }
            double cx = labels.centreX(region);
            double cy = labels.centreY(region);
            if (best == null) {
                Track sibling = matchedOverlapping(left, top, w, h);
                if (sibling != null) {
                    // a piece broken off a followed region (legs apart, a flag's two edges) is as old and as new as
                    // that region, and has travelled if it had
                    best = new Track(nextId++, cx, cy, sibling.bornNew);
                    best.age = sibling.age;
                    best.hasTravelled = sibling.hasTravelled;
                } else {
                    boolean bornNew = inPlace.share(left, top, w, h) < BORN_IN_PLACE && solid(changed, left, top, w, h);
                    best = new Track(nextId++, cx, cy, bornNew);
                }
                tracks.add(best);
            }
            if (best.matchedBefore && reshaped(best, w, h)) {
                // the region split, merged or was partly absorbed: its centre jumped without anything going
                // anywhere, so travel is measured afresh from here
                best.originX = cx;
                best.originY = cy;
                best.x = cx;
                best.y = cy;
                best.seenInARow = 0;
            }
            best.matched = true;
            best.unseenBefore = best.unseen > seconds * 1.5;
            best.unseen = 0;
            // travel is measured on a smoothed centre: a flickering blob's centre jumps about, a walker's moves on
            best.x = best.matchedBefore ? best.x + SMOOTHING * (cx - best.x) : cx;
            best.y = best.matchedBefore ? best.y + SMOOTHING * (cy - best.y) : cy;
            best.matchedBefore = true;
            best.wasLeft = best.left;
            best.wasTop = best.top;
            best.wasWidth = best.width;
            best.wasHeight = best.height;
            best.left = left;
            best.top = top;
            best.width = w;
            best.height = h;
            best.size = Math.max(best.size, Math.sqrt(labels.area(region)));
            best.travelled = Math.max(best.travelled, Math.hypot(best.x - best.originX, best.y - best.originY));
            best.seenInARow = best.unseenBefore ? 1 : best.seenInARow + 1;
            // regions that split and merge (leaves) make a track's centre jump: only a track followed for a while
            // without a break, whose centre is far from where it began, has travelled
            double net = Math.hypot(best.x - best.originX, best.y - best.originY);
            if (enabled() && best.seenInARow >= STEADY_FRAMES && net >= Math.max(minTravel, 0.5 * best.size)) {
                best.hasTravelled = true;
            }
            ofRegion[region] = best;
        }
        endLost();
    }

    private int[] order = new int[16];

    private int largestUnassigned(RunLabeller labels, int count, int pass) {
        if (pass == 0) {
            if (order.length < count) {
                order = new int[Math.max(count, 2 * order.length)];
            }
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            // insertion sort by area, largest first: a handful of regions
            for (int i = 1; i < count; i++) {
                int r = order[i];
                int a = labels.area(r);
                int j = i - 1;
                while (j >= 0 && labels.area(order[j]) < a) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = r;
            }
        }
        return order[pass];
    }

    private static boolean reshaped(Track t, int w, int h) {
        return Math.abs(w - t.width) > RESHAPED * Math.max(w, t.width) || Math.abs(h - t.height) > RESHAPED * Math.max(h, t.height);
    }

    private Track matchedOverlapping(int left, int top, int w, int h) {
        for (Track t : tracks) {
            if (t.matched && (overlap(t, left, top, w, h) > 0
                    || overlap(t.wasLeft, t.wasTop, t.wasWidth, t.wasHeight, left, top, w, h) > 0)) {
                return t;
            }
        }
        return null;
    }

    private static boolean solid(Mat changed, int left, int top, int w, int h) {
        Mat box = changed.submat(top, top + h, left, left + w);
        int count = Core.countNonZero(box);
        box.release();
        return count >= SOLID * w * h;
    }

    private double overlap(Track t, int left, int top, int w, int h) {
        return overlap(t.left, t.top, t.width, t.height, left, top, w, h);
    }

    private double overlap(int tLeft, int tTop, int tWidth, int tHeight, int left, int top, int w, int h) {
        double l = Math.max(tLeft - reach, left);
        double r = Math.min(tLeft + tWidth + reach, left + w);
        double tp = Math.max(tTop - reach, top);
        double b = Math.min(tTop + tHeight + reach, top + h);
        return r <= l || b <= tp ? 0 : (r - l) * (b - tp);
    }

    /** The track of a large region after {@link #update}, null for a small one. */
    Track of(int region) {
        return ofRegion[region];
    }

    Kind kind(int region) {
        Track t = ofRegion[region];
        return !enabled() || t == null ? Kind.TRAVELLING : t.kind();
    }

    TrackedRegion describe(int region, ChangeRegions regions) {
        Track t = ofRegion[region];
        return new TrackedRegion(t.id, regions.box(region), t.travelled / geometry.width(), kind(region) == Kind.IN_PLACE);
    }

    void clear() {
        tracks.clear();
    }
}
