package org.vigil.detectors;

import org.vigil.options.OptionTable;

/**
 * The service interface through which {@link java.util.ServiceLoader} finds detectors: a jar that lists an
 * implementation in META-INF/services/org.vigil.detectors.DetectorProvider adds a detector to vigil.
 */
public interface DetectorProvider {

    /** The name a config file selects the detector by, e.g. "reference". */
    String name();

    /** One sentence saying how the detector works and when to pick it. */
    String description();

    /**
     * Every option the detector takes, with default, range and documentation: the same table on every call, since
     * values checked against it are recognised as this detector's by the table's identity.
     */
    OptionTable options();

    /** A new detector for one camera; fails with {@link DetectorSetupException} when the setup does not fit. */
    MotionDetector create(DetectorSetup setup);
}
