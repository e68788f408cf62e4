package org.vigil.detectors.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.vigil.detectors.Box;
import org.vigil.detectors.Detection;
import org.vigil.detectors.DetectionState;
import org.vigil.detectors.DetectorSetup;
import org.vigil.detectors.MotionDetector;
import org.vigil.detectors.TrackedRegion;
import org.vigil.opencv.OpenCvNatives;

/**
 * A motion detector that compares each frame with a per-pixel reference frame after cancelling global brightness
 * changes, and hands the foreground decision to a {@link ForegroundRule}. Per frame:
 * <ol>
 * <li>shrink to the analysis size and blur;</li>
 * <li>fit the frame's brightness to the reference (gain and offset, robust to moving objects); a large fitted change
 *     is a lighting change: re-baseline and report LIGHTING;</li>
 * <li>difference against the reference seen through that fit; the rule marks foreground inside the watched area;</li>
 * <li>despeckle; changes spread over most of the frame are lighting too; otherwise count, compare with the
 *     thresholds and zones, and label boxes;</li>
 * <li>learn: the reference follows still pixels and absorbs objects that stopped; the noise level follows the
 *     residuals of the brightness fit's still samples.</li>
 * </ol>
 * Native images are allocated once per input size and reused: a quiet frame allocates nothing on the Java heap.
 */
public final class ChangeDetector implements MotionDetector {

    private static final int MIN_CALIBRATION_FRAMES = 3;
    private static final double NOISE_TIME_CONSTANT = 2; // seconds
    private static final double INITIAL_NOISE = 1;
    private static final double MIN_MOVING_LEVEL = 4; // grey levels: below this no pixel is kept out of learning

    private final DetectorSetup setup;
    private final CommonOptions options;
    private final ReferenceTiming timing;
    private final ForegroundRule rule;

    private AnalysisGeometry geometry;
    private ShrinkAndSmooth shrink;
    private WatchedArea area;
    private PhotometricFit fit;
    private ReferenceFrame reference;
    private SpreadMeter spread;
    private ChangeRegions regions;
    private ClippedPixels clipped;
    private InPlaceMap inPlace;
    private SettledBackground settled;
    private BlinkMap blink;
    private LocalDisplacement displacement;
    private RegionEvidence evidence;
    private GhostEraser ghosts;

    private RegionTracker tracker;
    private Stabiliser stabiliser;
    private Mat despeckleKernel;
    private Mat movingKernel;
    private final Mat predicted = new Mat();
    private final Mat difference = new Mat();
    private final Mat inReference = new Mat();
    private final Mat foreground = new Mat();
    private final Mat changed = new Mat();
    private final Mat moving = new Mat();
    private final Mat still = new Mat();
    private final Mat supported = new Mat();

    private boolean started;
    private boolean closed;
    private double calibratedSeconds;
    private long lastNanos;
    private int frames;
    private double noise = INITIAL_NOISE;
    private double reportedNoise = INITIAL_NOISE;
    private final QuietDetections quietDetections = new QuietDetections();

    public ChangeDetector(DetectorSetup setup, CommonOptions options, ReferenceTiming timing, ForegroundRule rule) {
        OpenCvNatives.load();
        this.setup = setup;
        this.options = options;
        this.timing = timing;
        this.rule = rule;
    }

    @Override
    public Detection detect(Mat grey, long timestampNanos) {
        if (closed) {
            throw new IllegalStateException("detector is closed");
        }
        if (grey.empty() || grey.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("detectors take the Y plane as an 8-bit single-channel Mat (CV_8UC1), got type "
                    + CvType.typeToString(grey.type()) + (grey.empty() ? " (empty)" : ""));
        }
        if (geometry == null || geometry.inputWidth() != grey.cols() || geometry.inputHeight() != grey.rows()) {
            configure(grey.cols(), grey.rows());
        }
        Mat smooth = shrink.apply(grey);
        if (!started) {
            return start(smooth, timestampNanos);
        }
        // a gap (dropped frames, a paused stream) counts as one second at most; time never runs backwards here
        double seconds = Math.max(0, Math.min(1, (timestampNanos - lastNanos) / 1e9));
        lastNanos = timestampNanos;
        frames++;
        calibratedSeconds += seconds;
        boolean calibrating = frames < MIN_CALIBRATION_FRAMES || calibratedSeconds < options.calibrationSeconds();

        fit.estimate(smooth, reference.image(), still);
        boolean lighting = !calibrating && fit.change() >= options.lightingChange();
        int changedCount = 0;
        if (stabiliser != null) {
            stabiliser.frameStart(seconds);
        }
        if (!lighting) {
            changedCount = compare(smooth, seconds);
        }
        // a still frame is never measured for shake: only one that shows change or looks like a lighting change
        // (a shaken picture bends the brightness fit), or any while the camera shakes
        if (stabiliser != null && (lighting || stabiliser.worthMeasuring(changedCount))) {
            if (lighting) {
                fit.predict(reference.image(), predicted);
            }
            Mat aligned = stabiliser.align(smooth, predicted, moving);
            if (aligned != smooth) {
                smooth = aligned;
                fit.estimate(smooth, reference.image(), still);
                lighting = !calibrating && fit.change() >= options.lightingChange();
                changedCount = lighting ? 0 : compare(smooth, 0);
            }
        }
        learnNoise(seconds);
        if (lighting) {
            return rebaseline(smooth, 0, 0);
        }
        double fraction = (double) changedCount / area.pixels();
        long changedPixels = Math.round(changedCount * geometry.scaleX() * geometry.scaleY());

        markMovingAndStill();
        blink.update(changed, changedCount, seconds);
        double spreadNow = spread.measure(changed);
        if (!calibrating && spreadNow >= options.lightingSpread()) {
            return rebaseline(smooth, fraction, changedPixels);
        }
        inPlace.cool(seconds);
        if (calibrating) {
            reference.calibrate(inReference);
            inPlace.markChanged(changed);
            settled.step(blink.lastMask(), seconds);
            return quiet(DetectionState.CALIBRATING, fraction, changedPixels);
        }
        reference.reveal(inReference, clipped.revealed(still));
        ghosts.step(smooth, moving, inReference, reference, Math.max(MIN_MOVING_LEVEL, 4 * noise), seconds);
        reference.update(inReference, moving, seconds);
        displacement.frame(smooth, predicted, Math.max(MIN_MOVING_LEVEL, 2 * noise));
        Detection detection = judge(fraction, changedPixels, seconds);
        // after judging: a region is asked about the background before this frame, not about its own movement
        settled.step(blink.lastMask(), seconds);
        return detection;
    }

    /** This frame against the reference through the fit: the changed pixels after despeckling, and their count. */
    private int compare(Mat smooth, double seconds) {
        fit.predict(reference.image(), predicted);
        Core.absdiff(smooth, predicted, difference);
        clipped.oneSided(reference.image(), predicted, smooth, difference, 255 * fit.gain() + fit.offset() < 254, seconds);
        if (stabiliser != null) {
            stabiliser.tolerate(reference.image(), difference);
        }
        fit.toReference(smooth, inReference);
        rule.classify(inReference, difference, noise, foreground);
        if (rule.hasOwnModel() && stabiliser != null && stabiliser.shakenLately()) {
            // its model learnt a steady picture: until it has learnt the shake, only what the aligned,
            // edge-tolerant difference supports is change
            Imgproc.threshold(difference, supported, Math.max(MIN_MOVING_LEVEL, 2 * noise), 255, Imgproc.THRESH_BINARY);
            Core.bitwise_and(foreground, supported, foreground);
        }
        Core.bitwise_and(foreground, area.mask(), foreground);
        if (stabiliser != null) {
            stabiliser.clearEdges(foreground);
        }
        if (despeckleKernel != null) {
            Imgproc.morphologyEx(foreground, changed, Imgproc.MORPH_OPEN, despeckleKernel);
        } else {
            foreground.copyTo(changed);
        }
        return Core.countNonZero(changed);
    }

    private Detection start(Mat smooth, long timestampNanos) {
        started = true;
        calibratedSeconds = 0;
        lastNanos = timestampNanos;
        frames = 1;
        reference.start(smooth);
        smooth.convertTo(inReference, CvType.CV_32F);
        rule.rebaseline(inReference);
        area.mask().copyTo(still);
        moving.release();
        fit.clear();
        clipped.forget();
        inPlace.clear();
        settled.restart();
        blink.clear();
        ghosts.clear();
        tracker.clear();
        if (stabiliser != null) {
            stabiliser.forget();
        }
        return quiet(DetectionState.CALIBRATING, 0, 0);
    }

    /** After a lighting change the old reference is worthless: take this frame as the new one and say so. */
    private Detection rebaseline(Mat smooth, double fraction, long changedPixels) {
        ghosts.rebaselined();
        blink.retaken();
        settled.restart();
        clipped.forget();
        if (stabiliser != null) {
            stabiliser.forget();
        }
        reference.start(smooth);
        smooth.convertTo(inReference, CvType.CV_32F);
        rule.rebaseline(inReference);
        area.mask().copyTo(still);
        moving.release();
        fit.clear();
        return quiet(DetectionState.LIGHTING, fraction, changedPixels);
    }

    /**
     * Pixels that differ clearly from the reference, or that the rule called foreground, are "moving": the reference
     * does not learn from them, and the next frame's brightness fit and noise level are taken from the rest.
     */
    private void markMovingAndStill() {
        double movingLevel = Math.max(MIN_MOVING_LEVEL, 4 * noise);
        Imgproc.threshold(difference, moving, movingLevel, 255, Imgproc.THRESH_BINARY);
        Core.bitwise_or(moving, foreground, moving);
        Imgproc.dilate(moving, moving, movingKernel);
        Core.bitwise_not(moving, still);
        Core.bitwise_and(still, area.mask(), still);
    }

    private void learnNoise(double seconds) {
        double sample = fit.noise();
        if (Double.isNaN(sample)) {
            return; // too little still area to judge the noise by
        }
        double rate = frames <= MIN_CALIBRATION_FRAMES ? 0.5 : 1 - Math.exp(-seconds / NOISE_TIME_CONSTANT);
        noise += rate * (sample - noise);
    }

    private Detection judge(double fraction, long changedPixels, double seconds) {
        boolean overThreshold = options.thresholdPixels() > 0
                ? changedPixels >= options.thresholdPixels()
                : fraction >= options.threshold();
        boolean counts = changedPixels > 0 && overThreshold && fraction <= options.thresholdMaximum();
        List<String> fired = firedZones();
        if (!counts && fired.isEmpty()) {
            tracker.age(seconds);
            ghosts.quiet();
            return quiet(DetectionState.QUIET, fraction, changedPixels);
        }
        int count = regions.label(changed);
        tracker.update(regions, count, evidence, seconds);
        RunLabeller labels = regions.labels();
        List<Box> boxes = new ArrayList<>();
        List<TrackedRegion> tracks = new ArrayList<>();
        for (int region = 0; region < count; region++) {
            if (!regions.large(region)) {
                continue;
            }
            tracks.add(tracker.describe(region, regions));
            RegionTracker.Kind kind = tracker.kind(region);
            if (kind == RegionTracker.Kind.IN_PLACE) {
                if (tracker.marksScenery(region)) {
                    inPlace.mark(labels.left(region), labels.top(region), labels.width(region), labels.height(region));
                }
            } else if (kind != RegionTracker.Kind.PENDING) {
                boxes.add(regions.box(region));
            }
        }
        for (int i = 0; i < tracker.carriedCount(); i++) {
            Box box = tracker.carriedBox(i, regions);
            boxes.add(box);
            tracks.add(tracker.describeCarried(i, box));
        }
        boxes.sort(Comparator.comparingLong(Box::area).reversed());
        if (!boxes.isEmpty() || !fired.isEmpty()) {
            ghosts.motion(changed);
            return new Detection(DetectionState.MOTION, fraction, changedPixels, boxes, regions.centroid(), reportedNoise(), fired, tracks);
        }
        if (!tracks.isEmpty()) {
            return new Detection(DetectionState.IN_PLACE, fraction, changedPixels, List.of(), regions.centroid(), reportedNoise(), fired, tracks);
        }
        return quiet(DetectionState.QUIET, fraction, changedPixels);
    }

    private List<String> firedZones() {
        List<String> fired = List.of();
        for (int i = 0; i < area.zoneCount(); i++) {
            if (regions.zoneFired(changed, i)) {
                if (fired.isEmpty()) {
                    fired = new ArrayList<>();
                }
                fired.add(area.zone(i).name());
            }
        }
        return fired;
    }

    /** A detection without boxes, shared with an earlier frame that measured the same: quiet frames allocate nothing. */
    private Detection quiet(DetectionState state, double fraction, long changedPixels) {
        return quietDetections.of(state, fraction, changedPixels, reportedNoise());
    }

    /**
     * The noise level in tenths of a grey level (all the precision that means anything), with hysteresis: a level
     * hovering at a rounding boundary would otherwise make every other quiet frame a new Detection.
     */
    private double reportedNoise() {
        if (Math.abs(noise - reportedNoise) >= 0.1) {
            reportedNoise = Math.round(noise * 10) / 10.0;
        }
        return reportedNoise;
    }

    private void configure(int inputWidth, int inputHeight) {
        AnalysisGeometry next = AnalysisGeometry.of(setup.frameWidth(), setup.frameHeight(), inputWidth, inputHeight, options.analysisWidth());
        releaseSized();
        geometry = next;
        shrink = new ShrinkAndSmooth(geometry, options.blurRadius());
        area = new WatchedArea(setup, geometry);
        fit = new PhotometricFit(geometry);
        reference = new ReferenceFrame(geometry, timing);
        spread = new SpreadMeter(area, geometry);
        regions = new ChangeRegions(geometry, area, options.mergeDistance(), options.minBoxArea());
        clipped = new ClippedPixels();
        inPlace = new InPlaceMap(geometry);
        settled = new SettledBackground(geometry);
        blink = new BlinkMap(geometry);
        displacement = new LocalDisplacement(geometry);
        evidence = new RegionEvidence(inPlace, blink, settled, displacement, changed);
        ghosts = new GhostEraser(geometry, timing.absorbSeconds(), options.mergeDistance());
        tracker = new RegionTracker(geometry, options.minTravel());
        stabiliser = options.stabilise() ? new Stabiliser(geometry) : null;
        int despeckle = options.despeckleRadius();
        despeckleKernel = despeckle > 0 ? Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * despeckle + 1, 2 * despeckle + 1)) : null;
        movingKernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3));
        still.release();
        started = false; // a new size is a new scene
    }

    /** The frame shrunk by the power of two that comes closest to the analysis width: what {@link #detect} analyses. */
    @Override
    public int inputWidth(int frameWidth) {
        return frameWidth >> AnalysisGeometry.halvingsFor(frameWidth, options.analysisWidth());
    }

    /** The changed pixels after despeckling, at the analysis size; none before the first compared frame. */
    @Override
    public Optional<Mat> changeImage() {
        return geometry != null && changed.rows() == geometry.height() && changed.cols() == geometry.width()
                ? Optional.of(changed) : Optional.empty();
    }

    /** The analysis geometry in use, known after the first frame. */
    public Optional<AnalysisGeometry> geometry() {
        return Optional.ofNullable(geometry);
    }

    @Override
    public void reset() {
        started = false;
        noise = INITIAL_NOISE;
        reportedNoise = INITIAL_NOISE;
        quietDetections.clear();
    }

    private void releaseSized() {
        for (AutoCloseable part : new AutoCloseable[] {shrink, area, fit, reference, spread, regions, clipped, stabiliser, inPlace, ghosts}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (despeckleKernel != null) {
            despeckleKernel.release();
        }
        if (movingKernel != null) {
            movingKernel.release();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseSized();
        for (Mat mat : new Mat[] {predicted, difference, inReference, foreground, changed, moving, still, supported}) {
            mat.release();
        }
        rule.close();
    }
}
