package io.meetingintel.platform.it;

import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.platform.serde.ConfluentWireFormat;
import io.meetingintel.schemas.Topics;
import io.meetingintel.testing.EmbeddedInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Duplicates, reordering and poison pills against the real broker and database. */
@SpringBootTest(properties = "test.consumer-group=platform-events-test")
class ReliableConsumptionTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        EmbeddedInfrastructure.get().registerProperties(properties, "events_it");
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    AvroEventCodec codec;
    @Autowired
    EventMetadataFactory metadata;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestEventsApplication.TestListener listener;

    @Test
    void aDuplicatedAndReorderedEventHasExactlyOneEffect() throws Exception {
        String meetingId = "mtg-dup-" + UUID.randomUUID();
        byte[] first = codec.serialize(Topics.TRANSCRIPT_CHUNK_NAME,
                TestEvents.chunk(metadata.create("user-1", null), meetingId, 1, "Hello"));
        byte[] second = codec.serialize(Topics.TRANSCRIPT_CHUNK_NAME,
                TestEvents.chunk(metadata.create("user-1", null), meetingId, 2, "World"));

        // first, second, first again (redelivered after another event), second again
        for (byte[] value : List.of(first, second, first, second)) {
            kafka.send(new ProducerRecord<>(Topics.TRANSCRIPT_CHUNK_NAME, meetingId, value)).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listener.deliveries.keySet()
                .stream().filter(key -> key.startsWith(Topics.TRANSCRIPT_CHUNK_NAME)).count()).isGreaterThanOrEqualTo(4));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT sequence FROM test_effect WHERE meeting_id = ? ORDER BY id", Long.class, meetingId))
                .containsExactly(1L, 2L));
        // The duplicates are consumed (not stuck): the group catches up with the end of the topic.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lag(Topics.TRANSCRIPT_CHUNK_NAME,
                "platform-events-test")).isZero());
        assertThat(jdbc.queryForList("SELECT sequence FROM test_effect WHERE meeting_id = ?", Long.class, meetingId))
                .hasSize(2);
    }

    @Test
    void poisonPillsGoToTheDeadLetterTopicOnTheFirstAttemptAndLaterRecordsAreProcessed() throws Exception {
        String meetingId = "mtg-poison-" + UUID.randomUUID();
        byte[] valid = codec.serialize(Topics.TRANSCRIPT_CHUNK_NAME,
                TestEvents.chunk(metadata.create("user-1", null), meetingId, 7, "Still processed"));
        int validSchemaId = ConfluentWireFormat.schemaId(valid);
        byte[] corruptBody = Arrays.copyOf(valid, 12);
        List<byte[]> poisonPills = List.of(
                "not avro at all".getBytes(StandardCharsets.UTF_8),           // unknown magic byte
                new byte[] {0, 0, 0},                                         // truncated header
                ConfluentWireFormat.frame(987_654, new byte[] {2, 4, 6}),      // schema id unknown to the registry
                corruptBody,                                                  // valid header, corrupt Avro body
                codec.serialize(Topics.TRANSCRIPT_CHUNK_NAME,                 // valid bytes, invalid content
                        TestEvents.chunk(metadata.create("user-1", null), meetingId, 6, " ")));
        assertThat(ConfluentWireFormat.schemaId(corruptBody)).isEqualTo(validSchemaId);

        List<Long> poisonOffsets = new ArrayList<>();
        for (byte[] pill : poisonPills) {
            poisonOffsets.add(kafka.send(new ProducerRecord<>(Topics.TRANSCRIPT_CHUNK_NAME, meetingId, pill)).get()
                    .getRecordMetadata().offset());
        }
        var goodRecord = kafka.send(new ProducerRecord<>(Topics.TRANSCRIPT_CHUNK_NAME, meetingId, valid)).get()
                .getRecordMetadata();

        List<ConsumerRecord<String, byte[]>> deadLetters = readAll(Topics.TRANSCRIPT_CHUNK.deadLetterTopic(),
                meetingId, poisonPills.size());
        assertThat(deadLetters).hasSize(poisonPills.size());
        for (int i = 0; i < poisonPills.size(); i++) {
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.get(i);
            assertThat(deadLetter.value()).as("original bytes of poison pill %d", i).isEqualTo(poisonPills.get(i));
            assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
            assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-original-topic").value(),
                    StandardCharsets.UTF_8)).isEqualTo(Topics.TRANSCRIPT_CHUNK_NAME);
            // Delivered to the listener once: no retry before dead-lettering.
            String deliveryKey = Topics.TRANSCRIPT_CHUNK_NAME + "@" + goodRecord.partition() + "@" + poisonOffsets.get(i);
            assertThat(listener.deliveries.get(deliveryKey)).as("deliveries of poison pill %d", i).hasValue(1);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT sequence FROM test_effect WHERE meeting_id = ?", Long.class, meetingId)).containsExactly(7L));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lag(Topics.TRANSCRIPT_CHUNK_NAME,
                "platform-events-test")).isZero());
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, String key, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    private static long lag(String topic, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.get().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata position = committed.get(end.getKey());
                lag += end.getValue().offset() - (position == null ? 0 : position.offset());
            }
            return lag;
        }
    }
}
