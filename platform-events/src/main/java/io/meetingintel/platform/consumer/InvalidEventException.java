package io.meetingintel.platform.consumer;

import io.meetingintel.platform.serde.PoisonPillException;

/**
 * A well-formed event whose content breaks a rule of the consuming service (a missing id, an end before its start).
 * It can never succeed, so it is dead-lettered at once instead of retried.
 */
public class InvalidEventException extends PoisonPillException {
    public InvalidEventException(String message) {
        super(message);
    }
}
