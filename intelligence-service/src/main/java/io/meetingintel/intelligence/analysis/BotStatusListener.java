package io.meetingintel.intelligence.analysis;

import io.meetingintel.events.BotStatus;
import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.EventMetadata;
import io.meetingintel.intelligence.meeting.MeetingRepository;
import io.meetingintel.platform.consumer.EventInbox;
import io.meetingintel.platform.consumer.InvalidEventException;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.schemas.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The call ended (bot TRANSCRIBING): request the meeting's post-meeting analysis. Other statuses do not concern us. */
@Component
class BotStatusListener {

    private final EventInbox inbox;
    private final MeetingRepository meetings;
    private final AnalysisRequests requests;

    BotStatusListener(EventInbox inbox, MeetingRepository meetings, AnalysisRequests requests) {
        this.inbox = inbox;
        this.meetings = meetings;
        this.requests = requests;
    }

    @KafkaListener(topics = Topics.BOT_STATUS_CHANGED_NAME, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle("bot-status", record, BotStatusChanged.class, this::apply);
    }

    private void apply(BotStatusChanged event) {
        if (event.getStatus() != BotStatus.TRANSCRIBING) {
            return;
        }
        if (event.getMeetingId().isBlank()) {
            throw new InvalidEventException("BotStatusChanged of bot " + event.getBotId() + " has no meeting id");
        }
        EventMetadata metadata = EventMetadataFactory.metadataOf(event);
        meetings.ensure(event.getMeetingId(), metadata.getUserId());
        requests.request(event.getMeetingId(), metadata.getCorrelationId());
    }
}
