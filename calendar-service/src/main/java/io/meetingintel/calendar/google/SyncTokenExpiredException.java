package io.meetingintel.calendar.google;

/** 410 Gone on an incremental listing: the sync token is no longer valid, a full sync is needed. */
class SyncTokenExpiredException extends RuntimeException {

    SyncTokenExpiredException() {
        super("Google sync token expired (410 Gone)");
    }
}
