package io.meetingintel.calendar.google;

/** Google refuses our grant (invalid_grant, revoked, insufficient scopes): only the user reconnecting helps. */
class GoogleAccessLostException extends RuntimeException {

    GoogleAccessLostException(String reason) {
        super(reason);
    }
}
