package io.meetingintel.calendar.feed;

/** A calendar source could not be read: an ICS feed unreachable or unreadable, Google failing after retries. */
public class FeedException extends RuntimeException {

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }

    public FeedException(String message) {
        super(message);
    }
}
