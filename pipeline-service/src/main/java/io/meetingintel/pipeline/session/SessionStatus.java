package io.meetingintel.pipeline.session;

/** Transcript state of a meeting as the REST API reports it. */
public enum SessionStatus {
    /** A bot is (or may still be) transcribing. */
    OPEN,
    /** Every session of the meeting has closed. */
    CLOSED,
    /** No bot has transcribed the meeting yet. */
    NONE
}
