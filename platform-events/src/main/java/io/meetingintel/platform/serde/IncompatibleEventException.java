package io.meetingintel.platform.serde;

/**
 * The record was written with a schema this service cannot read: its record name is not one of our event classes, or
 * it cannot be resolved to the class's current schema.
 */
public class IncompatibleEventException extends PoisonPillException {

    public IncompatibleEventException(String message) {
        super(message);
    }
}
