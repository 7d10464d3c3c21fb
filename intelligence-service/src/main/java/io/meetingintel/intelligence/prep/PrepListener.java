package io.meetingintel.intelligence.prep;

import io.meetingintel.events.MeetingRequiresPrep;
import io.meetingintel.platform.consumer.EventInbox;
import io.meetingintel.schemas.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class PrepListener {

    private final EventInbox inbox;
    private final PrepMaterials prepMaterials;

    PrepListener(EventInbox inbox, PrepMaterials prepMaterials) {
        this.inbox = inbox;
        this.prepMaterials = prepMaterials;
    }

    @KafkaListener(topics = Topics.MEETING_REQUIRES_PREP_NAME, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle("meeting-prep", record, MeetingRequiresPrep.class, prepMaterials::prepare);
    }
}
