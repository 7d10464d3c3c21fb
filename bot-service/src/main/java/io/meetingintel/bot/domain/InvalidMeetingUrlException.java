package io.meetingintel.bot.domain;

/** A meeting URL a bot cannot join: not http(s), malformed, or on no platform we know. */
public class InvalidMeetingUrlException extends RuntimeException {

    public InvalidMeetingUrlException(String message) {
        super(message);
    }
}
