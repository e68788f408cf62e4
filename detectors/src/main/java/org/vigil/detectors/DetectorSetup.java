package org.vigil.detectors;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.vigil.options.OptionValues;

/**
 * Everything a detector is built from: the camera's full frame size (boxes are reported in it), checked options,
 * the detection mask, the pipeline's privacy mask (ignored area too) and the zones.
 */
public record DetectorSetup(
        int frameWidth,
        int frameHeight,
        OptionValues options,
        Optional<AreaMask> detectionMask,
        Optional<AreaMask> privacyMask,
        List<Zone> zones) {

    public DetectorSetup {
        if (frameWidth < 16 || frameHeight < 16 || frameWidth > 16384 || frameHeight > 16384) {
            throw new DetectorSetupException("frame size " + frameWidth + "x" + frameHeight + " is out of range: detectors take 16x16 to 16384x16384");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(detectionMask, "detectionMask");
        Objects.requireNonNull(privacyMask, "privacyMask");
        zones = List.copyOf(zones);
        detectionMask.ifPresent(mask -> mask.checkFits(frameWidth, frameHeight, "detection mask"));
        privacyMask.ifPresent(mask -> mask.checkFits(frameWidth, frameHeight, "privacy mask"));
        Set<String> names = new HashSet<>();
        for (Zone zone : zones) {
            zone.checkInside(frameWidth, frameHeight);
            if (!names.add(zone.name())) {
                throw new DetectorSetupException("zone name '" + zone.name() + "' is used twice: give every zone its own name");
            }
        }
    }

    /** A setup that watches the whole frame, with no zones. */
    public static DetectorSetup of(int frameWidth, int frameHeight, OptionValues options) {
        return new DetectorSetup(frameWidth, frameHeight, options, Optional.empty(), Optional.empty(), List.of());
    }

    /** The options, after checking they were parsed against this detector's table and not another's. */
    public OptionValues optionsOf(DetectorProvider provider) {
        if (options.table() != provider.options()) {
            throw new DetectorSetupException("the options were checked against another detector's table: parse them with the "
                    + provider.name() + " detector's options()");
        }
        return options;
    }

    public DetectorSetup withDetectionMask(AreaMask mask) {
        return new DetectorSetup(frameWidth, frameHeight, options, Optional.of(mask), privacyMask, zones);
    }

    public DetectorSetup withPrivacyMask(AreaMask mask) {
        return new DetectorSetup(frameWidth, frameHeight, options, detectionMask, Optional.of(mask), zones);
    }

    public DetectorSetup withZones(List<Zone> zones) {
        return new DetectorSetup(frameWidth, frameHeight, options, detectionMask, privacyMask, zones);
    }
}
