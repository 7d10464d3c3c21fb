package io.meetingintel.calendar.google;

/** Google connect is switched off: no OAuth client or no token encryption key; the message says which. */
public class GoogleNotConfiguredException extends RuntimeException {

    public GoogleNotConfiguredException(String message) {
        super(message);
    }
}
