package io.meetingintel.pipeline.support;

import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.testing.EmbeddedInfrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning with a fresh consumer group, decoding with the production codec. */
public final class TopicReader<V extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroEventCodec codec;
    private final Class<V> type;
    private final List<V> seen = new ArrayList<>();

    public TopicReader(String topic, Class<V> type, AvroEventCodec codec) {
        this.codec = codec;
        this.type = type;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code count} matching events arrived (in partition order), failing after the timeout. */
    public List<V> await(Predicate<V> matching, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<V> matched = matching(matching);
        while (matched.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(record ->
                    seen.add(type.cast(codec.deserialize(record.topic(), record.value()))));
            matched = matching(matching);
        }
        if (matched.size() < count) {
            throw new AssertionError("Expected " + count + " events, got " + matched.size() + ": " + matched);
        }
        return matched;
    }

    private List<V> matching(Predicate<V> matching) {
        return seen.stream().filter(matching).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
