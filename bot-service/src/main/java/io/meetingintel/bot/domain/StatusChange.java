package io.meetingintel.bot.domain;

import java.time.Instant;

/**
 * One entry of a bot's status history.
 *
 * @param transition 1 for the first status of a bot, +1 for every transition: orders a bot's changes
 */
public record StatusChange(int transition, BotStatus status, BotStatus previousStatus, String reason, Instant at) {
}
