package io.meetingintel.bot.lifecycle;

import io.meetingintel.bot.domain.MeetingLink;

/**
 * A bot to create.
 *
 * @param meetingId     platform meeting id, or null for an ad-hoc call (an id is then made up for it)
 * @param correlationId of what asked for the bot, or null for a new one
 */
public record NewBot(String userId, String meetingId, MeetingLink link, String correlationId) {
}
