package io.meetingintel.platform.outbox;

/** The broker did not acknowledge a batch; its rows stay in the outbox and are sent again. */
public class OutboxPublishException extends RuntimeException {
    public OutboxPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
