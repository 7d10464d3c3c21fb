package io.meetingintel.bot.autojoin;

import java.time.Instant;

/**
 * What auto-join knows about a calendar meeting: the newest version of it that was discovered.
 *
 * @param autoJoinBotId the bot auto-join already sent to this meeting, if any (one per meeting)
 */
public record CalendarMeeting(String meetingId, String userId, long version, String title, Instant startTime,
                              Instant endTime, String conferenceUrl, boolean cancelled, String correlationId,
                              String autoJoinBotId) {
}
