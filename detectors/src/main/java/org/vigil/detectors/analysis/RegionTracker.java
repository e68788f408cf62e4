package org.vigil.detectors.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.vigil.detectors.Box;
import org.vigil.detectors.TrackedRegion;

/**
 * Follows changed regions from frame to frame, to tell motion that travels (a person, a car, an animal) from motion
 * that stays where it is (leaves, a flag, insects round a lamp). A region takes over the track whose last box it
 * overlaps most (boxes grown by a reach for fast movers); a track not seen for half a second ends. A track is:
 * <ul>
 * <li>travelling once its centre has been at least the minimum travel from where it was first seen (and half its
 *     own size, so a large swaying mass of leaves does not count), moving on from box to box rather than hopping
 *     about (a moth), and not while its pixels blink (leaves);</li>
 * <li>new while young, when it was born solid where no in-place change was seen lately: a person stepping into view
 *     is motion before it has had time to travel. Not when its pixels blink, and not when its change is the settled
 *     background moved by a pixel or two (a bush or a flag starting to sway) unless it later clearly shows something
 *     that was not there. Born at the picture's edge it is motion at once; born in the middle of the picture (a
 *     moth flying into the lamp's light looks just like a body there), or as displaced background that has not
 *     settled, it waits ({@link Kind#PENDING}) until it carries on into the next frame, which a hopping moth does
 *     not;</li>
 * <li>in place otherwise: it changes but stays; its cells are remembered in the {@link InPlaceMap}, unless it broke
 *     off something in motion.</li>
 * </ul>
 * A walker passing in front of a bush merges with the bush's region, which takes the bush's track: the walker goes on
 * inside it, for up to {@value #CARRIED_SECONDS} s, by the changed pixels that do not blink where it would be now; and
 * the bush, coming apart from it again, does not take its travel.
 */
final class RegionTracker {

    enum Kind { TRAVELLING, NEW, PENDING, IN_PLACE }

    private static final double LOST_SECONDS = 0.5;
    private static final double NEW_SECONDS = 10;
    private static final double REACH = 0.04; // of the frame's width: how far a region may go between two frames
    private static final int STEADY_FRAMES = 4;
    private static final double RESHAPED = 0.3; // change of a box's side between frames that is not travel
    private static final double CONTINUES = 0.5; // share of the smaller box that the next box must cover
    private static final double SMOOTHING = 0.5; // weight of the newest centre in the position travel is measured by
    private static final int EDGE = GlobalShift.RANGE + 1; // analysis pixels from the picture's edge that count as at it
    private static final double CARRIED = 0.2; // share of a mover's largest area its steady change must make up to go on
    private static final double CARRIED_SECONDS = 2; // longest a mover is followed inside another's region: past a bush

    static final class Track {
        final long id;
        double originX;
        double originY;
        final boolean bornNew;
        double x;
        double y;
        double rawX, rawY; // the last region's own centre
        double stepX, stepY; // how far that centre moved the frame before
        int left, top, width, height;
        int wasLeft, wasTop, wasWidth, wasHeight; // the box before this frame's
        double age;
        double unseen;
        double travelled;
        double size;
        boolean hasTravelled;
        boolean restless; // its pixels blinked: leaves, not a body
        boolean displaced; // born as the settled background moved a little, and nothing new seen in it since
        boolean pending; // born where it may be a moth or someone leaving the reference: motion once it carries on
        boolean hopped; // was pending and did not carry on into the next frame: never new
        boolean offshoot; // broke off a region that was motion: its flicker is that mover's wake, not the scenery's
        boolean matched;
        boolean matchedBefore;
        int seenInARow;
        double carriedFor; // seconds followed inside another track's region since its own region was last seen

        Track(long id, double x, double y, boolean bornNew) {
            this.id = id;
            this.originX = x;
            this.originY = y;
            this.x = x;
            this.y = y;
            this.bornNew = bornNew;
        }

        /**
         * A piece broken off this track's region (legs apart, a flag's two edges): as old and as new as it, and
         * travelling with it unless the piece blinks (leaves it passed).
         */
        Track offshoot(long newId, double cx, double cy, boolean blinking) {
            Track piece = new Track(newId, cx, cy, bornNew);
            piece.age = age;
            piece.hasTravelled = hasTravelled && !blinking;
            piece.restless = restless;
            piece.displaced = displaced;
            piece.pending = pending;
            piece.hopped = hopped;
            piece.offshoot = offshoot || kind() != Kind.IN_PLACE;
            return piece;
        }

        /** Whether it was seen in the frame before this one: {@link #unseen} already counts this frame's time. */
        boolean seenLastFrame(double seconds) {
            return unseen <= 1.5 * seconds;
        }

        Kind kind() {
            if (hasTravelled) {
                return Kind.TRAVELLING;
            }
            if (!bornNew || restless || displaced || hopped || age > NEW_SECONDS) {
                return Kind.IN_PLACE;
            }
            return pending ? Kind.PENDING : Kind.NEW;
        }
    }

    private final AnalysisGeometry geometry;
    private final double minTravel; // analysis pixels, 0 for off
    private final double reach;
    private final List<Track> tracks = new ArrayList<>();
    private Track[] ofRegion = new Track[16];
    private boolean[] carrier = new boolean[16]; // the region took another track but a mover goes on inside it
    private final List<Track> carried = new ArrayList<>();
    private final double[] centre = new double[2];
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
    void update(ChangeRegions regions, int count, RegionEvidence evidence, double seconds) {
        RunLabeller labels = regions.labels();
        if (ofRegion.length < count) {
            ofRegion = new Track[Math.max(count, 2 * ofRegion.length)];
            carrier = new boolean[ofRegion.length];
        }
        Arrays.fill(carrier, 0, count, false);
        carried.clear();
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
            double cx = labels.centreX(region);
            double cy = labels.centreY(region);
            boolean blinking = evidence.blinking(left, top, w, h);
            Track best = bestOverlapping(left, top, w, h);
            boolean judgedNow = false; // born here: its box's displacement was just measured
            if (best == null) {
                Track sibling = matchedOverlapping(left, top, w, h);
                judgedNow = sibling == null;
                best = judgedNow ? born(evidence, left, top, w, h, cx, cy) : sibling.offshoot(nextId++, cx, cy, blinking);
                tracks.add(best);
            }
            carryInto(region, best, left, top, w, h, evidence, seconds);
            // unseen already counts this frame: a track seen in the frame before has been unseen for one frame
            boolean seenBefore = best.matchedBefore;
            boolean seenLastFrame = seenBefore && best.seenLastFrame(seconds);
            boolean jumped = seenLastFrame && !continues(best, left, top, w, h);
            if (seenBefore && (reshaped(best, w, h) || jumped)) {
                // the region split, merged, was partly absorbed or hopped: its centre jumped without anything going
                // anywhere, so travel is measured afresh from here
                best.originX = cx;
                best.originY = cy;
                best.x = cx;
                best.y = cy;
                best.seenInARow = 0;
            }
            follow(best, left, top, w, h, cx, cy, labels.area(region), seconds);
            best.carriedFor = 0;
            // a region just found displaced cannot also be novel: it is asked from its next frame on
            if (best.displaced && !judgedNow && evidence.novel(left, top, w, h)) {
                best.displaced = false;
            }
            if (best.pending && seenBefore) {
                // one chance: a body carries on into the next frame, a moth hops or turns edge-on and is gone
                best.pending = false;
                best.hopped = !seenLastFrame || jumped;
            }
            best.restless |= blinking;
            // regions that split and merge (leaves) make a track's centre jump: only a track followed for a while
            // without a break, whose centre is far from where it began, has travelled
            double net = Math.hypot(best.x - best.originX, best.y - best.originY);
            if (enabled() && !blinking && best.seenInARow >= STEADY_FRAMES && net >= Math.max(minTravel, 0.5 * best.size)) {
                best.hasTravelled = true;
            }
            ofRegion[region] = best;
        }
        endLost();
    }

    /**
     * A mover whose region merged into a larger one (a walker passing in front of a bush) loses it to that region's
     * track. Where it would be now, the changed pixels that do not blink are its own (the leaves' do): while they
     * make up enough of the largest area it has had, it is followed on inside the region, its box kept and centred on them, before smaller
     * regions (bits of the bush beside it) can take its track; and the region does not mark the scenery.
     */
    private void carryInto(int region, Track taker, int regionLeft, int regionTop, int regionWidth, int regionHeight,
            RegionEvidence evidence, double seconds) {
        if (taker.kind() == Kind.TRAVELLING || taker.kind() == Kind.NEW) {
            return; // the region is motion and boxed anyway
        }
        int grow = (int) Math.ceil(reach);
        for (Track t : tracks) {
            if (t == taker || t.matched || !t.hasTravelled || !t.matchedBefore || !t.seenLastFrame(seconds)
                    || t.carriedFor >= CARRIED_SECONDS) {
                continue;
            }
            int left = Math.max(0, t.left + (int) Math.round(t.stepX) - grow);
            int top = Math.max(0, t.top + (int) Math.round(t.stepY) - grow);
            int right = Math.min(geometry.width(), t.left + (int) Math.round(t.stepX) + t.width + grow);
            int bottom = Math.min(geometry.height(), t.top + (int) Math.round(t.stepY) + t.height + grow);
            if (right <= left || bottom <= top
                    || overlap(left, top, right - left, bottom - top, regionLeft, regionTop, regionWidth, regionHeight) == 0) {
                continue;
            }
            if (carriedAlready(left, top, right - left, bottom - top)) {
                continue; // a piece that broke off the same mover: it goes on as one
            }
            int steady = evidence.steadyChange(left, top, right - left, bottom - top, centre);
            if (steady < CARRIED * t.size * t.size) {
                continue;
            }
            int w = t.width;
            int h = t.height;
            int boxLeft = Math.max(0, Math.min(geometry.width() - w, (int) Math.round(centre[0] - w / 2.0)));
            int boxTop = Math.max(0, Math.min(geometry.height() - h, (int) Math.round(centre[1] - h / 2.0)));
            follow(t, boxLeft, boxTop, w, h, centre[0], centre[1], steady, seconds);
            t.carriedFor += seconds;
            carrier[region] = true;
            carried.add(t);
        }
    }

    /** The unmatched track whose box (grown by the reach) the region's overlaps most; null for none. */
    private Track bestOverlapping(int left, int top, int w, int h) {
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
        return best;
    }

    private boolean carriedAlready(int left, int top, int w, int h) {
        for (Track c : carried) {
            if (covers(c.left, c.top, c.width, c.height, left, top, w, h)) {
                return true;
            }
        }
        return false;
    }

    /** A track for a region that belongs to none: what the scene says about it decides whether it may be new. */
    private Track born(RegionEvidence evidence, int left, int top, int w, int h, double cx, double cy) {
        boolean bornNew = !evidence.amongRestless(left, top, w, h) && evidence.solid(left, top, w, h) && !evidence.blinking(left, top, w, h);
        Track t = new Track(nextId++, cx, cy, bornNew);
        if (bornNew) {
            boolean displaced = evidence.displaced(left, top, w, h);
            if (displaced && evidence.onSettledBackground(left, top, w, h)) {
                t.displaced = true;
            } else if (displaced || !atEdge(left, top, w, h)) {
                // someone who stood in the reference may be moving off; and a body comes in over the picture's
                // edge or grows out from behind something, while what appears whole in the middle of it may be a
                // moth flying into the lamp's light: either must carry on into the next frame to be motion
                t.pending = true;
            }
        }
        return t;
    }

    /** Whether a box reaches the picture's edge (or the margin the stabiliser blanks while it aligns). */
    private boolean atEdge(int left, int top, int w, int h) {
        return left <= EDGE || top <= EDGE || left + w >= geometry.width() - EDGE || top + h >= geometry.height() - EDGE;
    }

    private static void follow(Track t, int left, int top, int w, int h, double cx, double cy, int area, double seconds) {
        if (t.matchedBefore) {
            t.stepX = cx - t.rawX;
            t.stepY = cy - t.rawY;
        }
        t.rawX = cx;
        t.rawY = cy;
        t.matched = true;
        boolean afterGap = !t.seenLastFrame(seconds);
        t.unseen = 0;
        // travel is measured on a smoothed centre: a flickering blob's centre jumps about, a walker's moves on
        t.x = t.matchedBefore ? t.x + SMOOTHING * (cx - t.x) : cx;
        t.y = t.matchedBefore ? t.y + SMOOTHING * (cy - t.y) : cy;
        t.matchedBefore = true;
        t.wasLeft = t.left;
        t.wasTop = t.top;
        t.wasWidth = t.width;
        t.wasHeight = t.height;
        t.left = left;
        t.top = top;
        t.width = w;
        t.height = h;
        t.size = Math.max(t.size, Math.sqrt(area));
        t.travelled = Math.max(t.travelled, Math.hypot(t.x - t.originX, t.y - t.originY));
        t.seenInARow = afterGap ? 1 : t.seenInARow + 1;
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

    /**
     * Whether a region carries on from its track's last box: it covers most of that box, or of that box moved on by
     * the track's last step. A moth's hop to anywhere near does neither; a walker, however fast, does one or the other.
     */
    private static boolean continues(Track t, int left, int top, int w, int h) {
        if (covers(t.left, t.top, t.width, t.height, left, top, w, h)) {
            return true;
        }
        int dx = (int) Math.round(t.stepX);
        int dy = (int) Math.round(t.stepY);
        return covers(t.left + dx, t.top + dy, t.width, t.height, left, top, w, h);
    }

    /** Whether two boxes overlap by at least {@link #CONTINUES} of the smaller one. */
    private static boolean covers(int l1, int t1, int w1, int h1, int l2, int t2, int w2, int h2) {
        long ow = Math.min(l1 + w1, l2 + w2) - Math.max(l1, l2);
        long oh = Math.min(t1 + h1, t2 + h2) - Math.max(t1, t2);
        return ow > 0 && oh > 0 && ow * oh >= CONTINUES * Math.min((long) w1 * h1, (long) w2 * h2);
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

    /** Whether a region in place may mark the scenery's restless places: not when it broke off something in motion. */
    boolean marksScenery(int region) {
        Track t = ofRegion[region];
        return !carrier[region] && (t == null || !t.offshoot);
    }

    /** How many movers were followed on inside another track's region this frame ({@link #carryInto}). */
    int carriedCount() {
        return carried.size();
    }

    /** The box, in full-frame coordinates, of the {@code i}th mover followed inside another track's region. */
    Box carriedBox(int i, ChangeRegions regions) {
        Track t = carried.get(i);
        return regions.box(t.left, t.top, t.width, t.height);
    }

    /** The {@code i}th mover followed inside another track's region, with its {@link #carriedBox}. */
    TrackedRegion describeCarried(int i, Box box) {
        Track t = carried.get(i);
        return new TrackedRegion(t.id, box, t.travelled / geometry.width(), false);
    }

    Kind kind(int region) {
        Track t = ofRegion[region];
        return !enabled() || t == null ? Kind.TRAVELLING : t.kind();
    }

    TrackedRegion describe(int region, ChangeRegions regions) {
        Track t = ofRegion[region];
        return new TrackedRegion(t.id, regions.box(region), t.travelled / geometry.width(), kind(region) == Kind.IN_PLACE || kind(region) == Kind.PENDING);
    }

    void clear() {
        tracks.clear();
        carried.clear();
    }
}
