package io.meetingintel.bot.processing;

import io.meetingintel.bot.domain.BotStatus;
import io.meetingintel.bot.lifecycle.BotLifecycle;
import io.meetingintel.bot.store.BotRepository;
import io.meetingintel.events.InsightGenerated;
import io.meetingintel.events.InsightKind;
import io.meetingintel.platform.consumer.EventInbox;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.schemas.Topics;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Drives the processing statuses from the intelligence service's progress on the bot's meeting: SUMMARY ->
 * ANALYZING_MEETING, ACTION_ITEMS -> CREATING_TASKS, DECISIONS -> DONE.
 */
@Component
class ProcessingProgressListener {

    private static final Logger log = LoggerFactory.getLogger(ProcessingProgressListener.class);
    private static final Map<InsightKind, BotStatus> STATUS_REACHED = Map.of(
            InsightKind.SUMMARY, BotStatus.ANALYZING_MEETING,
            InsightKind.ACTION_ITEMS, BotStatus.CREATING_TASKS,
            InsightKind.DECISIONS, BotStatus.DONE);

    private final EventInbox inbox;
    private final BotRepository bots;
    private final BotLifecycle lifecycle;

    ProcessingProgressListener(EventInbox inbox, BotRepository bots, BotLifecycle lifecycle) {
        this.inbox = inbox;
        this.bots = bots;
        this.lifecycle = lifecycle;
    }

    @KafkaListener(topics = Topics.INSIGHT_GENERATED_NAME, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle("bot-processing-progress", record, InsightGenerated.class, this::apply);
    }

    private void apply(InsightGenerated insight) {
        BotStatus reached = STATUS_REACHED.get(insight.getKind());
        if (reached == null || !insight.getFinalInsight()) {
            return;
        }
        var bot = bots.findLiveByMeeting(insight.getMeetingId());
        if (bot.isEmpty()) {
            log.debug("{} insight for meeting {} without a live bot; ignored", insight.getKind(),
                    insight.getMeetingId());
            return;
        }
        lifecycle.advanceProcessing(bot.get().id(), reached, insight.getKind() + " insight generated",
                EventMetadataFactory.metadataOf(insight).getCorrelationId());
    }
}
