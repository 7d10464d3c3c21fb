package io.meetingintel.pipeline.session;

import java.time.Instant;
import java.util.UUID;

/**
 * The time one bot spent transcribing one meeting.
 *
 * @param userId      owner of the meeting, null while unknown
 * @param closedAt    null while open
 * @param closeReason why it closed ({@link CloseReason}), null while open
 */
public record TranscriptSession(UUID id, String meetingId, String botId, String userId, Instant openedAt,
                                Instant lastActivityAt, Instant closedAt, String closeReason) {

    public boolean open() {
        return closedAt == null;
    }
}
