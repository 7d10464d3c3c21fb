package io.meetingintel.bot.autojoin;

import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.platform.consumer.EventInbox;
import io.meetingintel.schemas.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** MeetingDiscovered -> auto-join decisions, exactly once per event. */
@Component
class MeetingDiscoveredListener {

    private final EventInbox inbox;
    private final AutoJoin autoJoin;

    MeetingDiscoveredListener(EventInbox inbox, AutoJoin autoJoin) {
        this.inbox = inbox;
        this.autoJoin = autoJoin;
    }

    @KafkaListener(topics = Topics.MEETING_DISCOVERED_NAME, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle("bot-auto-join", record, MeetingDiscovered.class, autoJoin::onMeetingDiscovered);
    }
}
