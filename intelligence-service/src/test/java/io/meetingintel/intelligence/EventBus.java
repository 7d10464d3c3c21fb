package io.meetingintel.intelligence;

import io.meetingintel.events.EventMetadata;
import io.meetingintel.events.InsightGenerated;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topic;
import io.meetingintel.schemas.Topics;
import io.meetingintel.testing.EmbeddedInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Test access to the real topics: publishes input events in the wire format the outbox relay produces, and reads
 * the InsightGenerated events of a meeting from the beginning of the topic.
 */
public final class EventBus implements AutoCloseable {

    private final KafkaTemplate<String, byte[]> kafka;
    private final AvroEventCodec codec;
    private final KafkaConsumer<String, byte[]> insights;
    private final List<InsightGenerated> received = new ArrayList<>();

    public EventBus(KafkaTemplate<String, byte[]> kafka, AvroEventCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
        this.insights = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        insights.subscribe(List.of(Topics.INSIGHT_GENERATED.name()));
    }

    public static EventMetadata metadata(String userId, Instant occurredAt) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(occurredAt)
                .setProducer("test").setUserId(userId).setCorrelationId("corr-" + UUID.randomUUID()).build();
    }

    public <V extends SpecificRecord> void publish(Topic<V> topic, String meetingId, V event) {
        try {
            kafka.send(topic.name(), meetingId, codec.serialize(topic.name(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic.name(), e);
        }
    }

    /** Every InsightGenerated of the meeting seen so far, in topic order (one partition per meeting). */
    public List<InsightGenerated> insightsOf(String meetingId) {
        for (ConsumerRecord<String, byte[]> record : insights.poll(Duration.ofMillis(200))) {
            received.add((InsightGenerated) codec.deserialize(record.topic(), record.value()));
        }
        return received.stream().filter(insight -> insight.getMeetingId().equals(meetingId)).toList();
    }

    @Override
    public void close() {
        insights.close();
    }
}
