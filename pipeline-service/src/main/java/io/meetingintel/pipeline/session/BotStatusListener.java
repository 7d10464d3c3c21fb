package io.meetingintel.pipeline.session;

import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.platform.consumer.EventInbox;
import io.meetingintel.schemas.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Opens and closes transcript sessions as bots join and leave calls. */
@Component
class BotStatusListener {

    private final EventInbox inbox;
    private final TranscriptSessions sessions;

    BotStatusListener(EventInbox inbox, TranscriptSessions sessions) {
        this.inbox = inbox;
        this.sessions = sessions;
    }

    @KafkaListener(topics = Topics.BOT_STATUS_CHANGED_NAME, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle("transcript-sessions", record, BotStatusChanged.class, sessions::applyBotStatus);
    }
}
