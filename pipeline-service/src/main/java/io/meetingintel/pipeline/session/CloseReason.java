package io.meetingintel.pipeline.session;

import io.meetingintel.events.BotStatus;

/** Why a transcript session closed, as stored in transcript_session.close_reason. */
public final class CloseReason {

    /** The bot sent {"type":"end"}. */
    public static final String END_FRAME = "end-frame";
    /** No frame for longer than the inactivity timeout. */
    public static final String INACTIVITY = "inactivity";

    private CloseReason() {
    }

    /** The bot moved to a status that means the call is over, e.g. {@code bot-status:TRANSCRIBING}. */
    public static String botStatus(BotStatus status) {
        return "bot-status:" + status;
    }
}
