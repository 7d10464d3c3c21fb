package io.meetingintel.bot.api;

import io.meetingintel.bot.domain.Bot;

import java.time.Instant;
import java.util.List;

/** A bot as the REST API shows it. */
record BotView(String id, String meetingId, String meetingUrl, String platform, String provider, String status,
               List<StatusEntry> statusHistory, Instant createdAt) {

    static BotView of(Bot bot) {
        return new BotView(bot.id(), bot.meetingId(), bot.meetingUrl(), bot.platform().name(), bot.provider(),
                bot.status().name(),
                bot.history().stream()
                        .map(change -> new StatusEntry(change.status().name(), change.at(), change.reason()))
                        .toList(),
                bot.createdAt());
    }

    record StatusEntry(String status, Instant at, String reason) {
    }
}
