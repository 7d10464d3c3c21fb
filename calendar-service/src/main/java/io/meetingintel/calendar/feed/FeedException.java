package io.meetingintel.calendar.feed;

/** A calendar feed could not be fetched or is not a readable iCalendar document. */
public class FeedException extends RuntimeException {

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }

    public FeedException(String message) {
        super(message);
    }
}
