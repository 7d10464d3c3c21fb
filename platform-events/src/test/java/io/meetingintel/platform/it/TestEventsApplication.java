package io.meetingintel.platform.it;

import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.platform.consumer.EventInbox;
import io.meetingintel.platform.consumer.InvalidEventException;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.outbox.OutboxWriter;
import io.meetingintel.schemas.Topics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A minimal service on the shared plumbing: it publishes through the outbox and consumes through the inbox. */
@SpringBootApplication
public class TestEventsApplication {

    /** Records how often the listener saw each record, to prove poison pills are not retried. */
    @Component
    public static class TestListener {
        public final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        private final EventInbox inbox;
        private final JdbcTemplate jdbc;

        TestListener(EventInbox inbox, JdbcTemplate jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = {Topics.TRANSCRIPT_CHUNK_NAME, Topics.BOT_STATUS_CHANGED_NAME},
                groupId = "${test.consumer-group}")
        void on(ConsumerRecord<String, byte[]> record) {
            deliveries.computeIfAbsent(record.topic() + "@" + record.partition() + "@" + record.offset(),
                    key -> new AtomicInteger()).incrementAndGet();
            if (record.topic().equals(Topics.TRANSCRIPT_CHUNK_NAME)) {
                inbox.handle("test-chunks", record, TranscriptChunk.class, chunk -> {
                    if (chunk.getText().isBlank()) {
                        throw new InvalidEventException("Transcript chunk " + chunk.getSequence() + " has no text");
                    }
                    recordEffect(chunk.getMetadata().getEventId(), record.topic(), chunk.getMeetingId(),
                            chunk.getSequence());
                });
            } else {
                inbox.handle("test-bots", record, BotStatusChanged.class, status -> recordEffect(
                        status.getMetadata().getEventId(), record.topic(), status.getMeetingId(), null));
            }
        }

        private void recordEffect(java.util.UUID eventId, String topic, String meetingId, Long sequence) {
            jdbc.update("INSERT INTO test_effect (event_id, topic, meeting_id, sequence) VALUES (?, ?, ?, ?)",
                    eventId, topic, meetingId, sequence);
        }
    }

    /** Changes state and appends the event describing it in one transaction, like every service does. */
    @Component
    public static class TestPublisher {
        private final JdbcTemplate jdbc;
        private final OutboxWriter outbox;
        private final EventMetadataFactory metadata;

        TestPublisher(JdbcTemplate jdbc, OutboxWriter outbox, EventMetadataFactory metadata) {
            this.jdbc = jdbc;
            this.outbox = outbox;
            this.metadata = metadata;
        }

        @Transactional
        public TranscriptChunk publishChunk(long id, String meetingId) {
            jdbc.update("INSERT INTO test_business (id, meeting_id) VALUES (?, ?)", id, meetingId);
            TranscriptChunk chunk = TestEvents.chunk(metadata.create("user-1", null), meetingId, id, "Segment " + id);
            outbox.append(Topics.TRANSCRIPT_CHUNK, meetingId, chunk);
            return chunk;
        }

        @Transactional
        public BotStatusChanged publishBotStatus(String meetingId) {
            BotStatusChanged status = TestEvents.botConnected(metadata.create("user-1", null), meetingId);
            outbox.append(Topics.BOT_STATUS_CHANGED, meetingId, status);
            return status;
        }
    }
}
