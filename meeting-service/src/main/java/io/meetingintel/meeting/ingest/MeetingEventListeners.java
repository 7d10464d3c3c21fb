package io.meetingintel.meeting.ingest;

import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.InsightGenerated;
import io.meetingintel.events.MeetingChangeType;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.events.MeetingRequiresPrep;
import io.meetingintel.meeting.lifecycle.MeetingLifecycle;
import io.meetingintel.meeting.prep.PrepWorkflow;
import io.meetingintel.meeting.reports.InsightSection;
import io.meetingintel.meeting.reports.MeetingReports;
import io.meetingintel.platform.consumer.EventInbox;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.schemas.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the events this service reacts to. Each goes through the idempotent inbox, so a redelivered event has
 * exactly one effect; the effects run in the inbox's transaction.
 */
@Component
class MeetingEventListeners {

    private final EventInbox inbox;
    private final MeetingLifecycle lifecycle;
    private final PrepWorkflow prep;
    private final MeetingReports reports;

    MeetingEventListeners(EventInbox inbox, MeetingLifecycle lifecycle, PrepWorkflow prep, MeetingReports reports) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
        this.prep = prep;
        this.reports = reports;
    }

    @KafkaListener(topics = Topics.MEETING_DISCOVERED_NAME, groupId = "${spring.application.name}")
    void onMeetingDiscovered(ConsumerRecord<String, byte[]> record) {
        inbox.handle("meeting-discovered", record, MeetingDiscovered.class, event -> lifecycle.onDiscovered(
                EventMapping.details(event), event.getChangeType() == MeetingChangeType.CANCELLED));
    }

    @KafkaListener(topics = Topics.MEETING_REQUIRES_PREP_NAME, groupId = "${spring.application.name}")
    void onMeetingRequiresPrep(ConsumerRecord<String, byte[]> record) {
        inbox.handle("meeting-prep-required", record, MeetingRequiresPrep.class, event -> prep.onPrepRequired(
                EventMapping.requireMeetingId(event.getMeetingId()), event.getMeetingVersion(),
                EventMetadataFactory.metadataOf(event).getOccurredAt()));
    }

    @KafkaListener(topics = Topics.BOT_STATUS_CHANGED_NAME, groupId = "${spring.application.name}")
    void onBotStatusChanged(ConsumerRecord<String, byte[]> record) {
        inbox.handle("meeting-bot-status", record, BotStatusChanged.class,
                event -> reports.recordBotStatus(EventMapping.botStatus(event)));
    }

    @KafkaListener(topics = Topics.INSIGHT_GENERATED_NAME, groupId = "${spring.application.name}")
    void onInsightGenerated(ConsumerRecord<String, byte[]> record) {
        inbox.handle("meeting-insights", record, InsightGenerated.class, event -> {
            var section = EventMapping.section(event.getKind());
            if (section.isEmpty()) {
                return; // running notes and other kinds are not part of the meeting view
            }
            reports.recordInsight(EventMapping.insight(event, section.get()));
            if (section.get() == InsightSection.PREP_MATERIALS) {
                prep.onPrepMaterials(event.getMeetingId());
            }
        });
    }
}
