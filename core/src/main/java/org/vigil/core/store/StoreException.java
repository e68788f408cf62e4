package org.vigil.core.store;

/** The event database cannot be opened or used; the message names the file and what to do. */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
