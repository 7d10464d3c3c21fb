package io.meetingintel.platform.registry;

/**
 * The registry could not be reached or kept failing (I/O errors, timeouts, 5xx, 429) on every attempt. Transient:
 * callers retry later; it never means the data is bad.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {

    private final int attempts;

    public SchemaRegistryUnavailableException(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    /** How many requests were sent before giving up. */
    public int attempts() {
        return attempts;
    }
}
