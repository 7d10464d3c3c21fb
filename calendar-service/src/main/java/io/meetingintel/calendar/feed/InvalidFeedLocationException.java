package io.meetingintel.calendar.feed;

/** A feed location a user gave is not acceptable; the message says why. */
public class InvalidFeedLocationException extends IllegalArgumentException {

    public InvalidFeedLocationException(String message) {
        super(message);
    }
}
