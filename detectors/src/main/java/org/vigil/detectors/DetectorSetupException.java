package org.vigil.detectors;

/** Bad detector configuration (an option out of range, a broken mask file, a zone outside the frame); the message says what to fix. */
public class DetectorSetupException extends IllegalArgumentException {

    public DetectorSetupException(String message) {
        super(message);
    }

    public DetectorSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
