package io.meetingintel.pipeline.transcript;

/**
 * What the pipeline knows about a meeting.
 *
 * @param userId        owner of the meeting (the first user a bot's handshake or a BotStatusChanged named), null
 *                      before either
 * @param correlationId correlation id of the flow, null until a BotStatusChanged told us
 */
public record MeetingTranscript(String meetingId, String userId, String correlationId) {

    public boolean ownedBy(String user) {
        return userId != null && userId.equals(user);
    }
}
