package io.meetingintel.calendar;

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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning with a fresh consumer group, decoding with the platform codec. */
public final class TopicReader<V extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroEventCodec codec;
    private final String topic;
    private final List<V> received = new ArrayList<>();

    public TopicReader(String topic, AvroEventCodec codec) {
        this.topic = topic;
        this.codec = codec;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "calendar-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Waits until at least {@code count} events match, and returns all matching ones received so far. */
    public List<V> await(Predicate<V> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(filter).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " matching events on " + topic + " within " + timeout
                        + " but got " + matching(filter));
            }
            pollOnce();
        }
        return matching(filter);
    }

    /** Reads for the whole duration and returns every matching event: for checking that nothing more arrives. */
    public List<V> readFor(Predicate<V> filter, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            pollOnce();
        }
        return matching(filter);
    }

    @SuppressWarnings("unchecked")
    private void pollOnce() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            received.add((V) codec.deserialize(record.topic(), record.value()));
        }
    }

    private List<V> matching(Predicate<V> filter) {
        return received.stream().filter(filter).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
