package io.meetingintel.platform.serde;

/**
 * These bytes can never be processed, however often they are retried: consumers send the record to the topic's
 * dead-letter topic at once. Transient problems (an unreachable registry) are deliberately not poison pills.
 */
public class PoisonPillException extends RuntimeException {

    public PoisonPillException(String message) {
        super(message);
    }

    public PoisonPillException(String message, Throwable cause) {
        super(message, cause);
    }
}
