package io.meetingintel.bot.lifecycle;

import io.meetingintel.bot.domain.Bot;
import io.meetingintel.bot.domain.StatusChange;
import io.meetingintel.events.BotStatus;
import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.ConferencePlatform;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.outbox.OutboxWriter;
import io.meetingintel.schemas.Topics;

import org.springframework.stereotype.Component;

/** Publishes a bot's newest status as BotStatusChanged through the outbox (keyed by meeting id). */
@Component
class BotStatusEvents {

    private final OutboxWriter outbox;
    private final EventMetadataFactory metadata;

    BotStatusEvents(OutboxWriter outbox, EventMetadataFactory metadata) {
        this.outbox = outbox;
        this.metadata = metadata;
    }

    /** Must run in the transaction that stored the change. */
    void publishLatest(Bot bot, String correlationId) {
        StatusChange change = bot.lastChange();
        var event = BotStatusChanged.newBuilder()
                .setMetadata(metadata.create(bot.userId(), correlationId == null ? bot.correlationId() : correlationId))
                .setBotId(bot.id())
                .setMeetingId(bot.meetingId())
                .setStatus(BotStatus.valueOf(change.status().name()))
                .setPreviousStatus(change.previousStatus() == null ? null
                        : BotStatus.valueOf(change.previousStatus().name()))
                .setReason(change.reason())
                .setTransition(change.transition())
                .setMeetingUrl(bot.meetingUrl())
                .setPlatform(ConferencePlatform.valueOf(bot.platform().name()))
                .setProvider(bot.provider())
                .build();
        outbox.append(Topics.BOT_STATUS_CHANGED, bot.meetingId(), event);
    }
}
