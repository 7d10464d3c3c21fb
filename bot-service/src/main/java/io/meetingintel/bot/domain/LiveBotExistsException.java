package io.meetingintel.bot.domain;

/** A meeting has at most one live (non-final) bot. */
public class LiveBotExistsException extends RuntimeException {

    private final String meetingId;

    public LiveBotExistsException(String meetingId) {
        super("Meeting " + meetingId + " already has a live bot");
        this.meetingId = meetingId;
    }

    public String meetingId() {
        return meetingId;
    }
}
