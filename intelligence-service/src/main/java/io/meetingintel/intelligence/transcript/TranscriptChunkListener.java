package io.meetingintel.intelligence.transcript;

import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.platform.consumer.EventInbox;
import io.meetingintel.schemas.Topics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class TranscriptChunkListener {

    private final EventInbox inbox;
    private final ChunkIntake intake;

    TranscriptChunkListener(EventInbox inbox, ChunkIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.TRANSCRIPT_CHUNK_NAME, groupId = "${spring.application.name}")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle("transcript-chunks", record, TranscriptChunk.class, intake::accept);
    }
}
