package io.meetingintel.benchmarks;

import io.meetingintel.events.EventMetadata;
import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.platform.registry.HttpSchemaRegistryClient;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.platform.serde.AvroEventSerializer;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publish path: our Avro serializer (Confluent wire format, registry-backed) + an idempotent acks=all producer,
 * against raw kafka-clients sending pre-built byte[] payloads of the same size with the same producer settings, on
 * the same embedded broker (in a JVM of its own), alternating rounds. Prints both throughputs and the ratio (target >= 0.85x).
 * Arguments (optional): records per round (default 200000), rounds (default 3).
 */
public final class PublishPathBenchmark {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        var infrastructure = new InfrastructureProcess();
        var codec = new AvroEventCodec(HttpSchemaRegistryClient.builder(
                URI.create(infrastructure.schemaRegistryUrl())).build(), true);

        List<TranscriptChunk> events = realisticChunks(records);
        int payloadSize = codec.serialize("bench.ours.v1", events.getFirst()).length;
        byte[][] rawPayloads = randomPayloads(records, payloadSize);
        String[] keys = events.stream().map(TranscriptChunk::getMeetingId).toArray(String[]::new);
        createTopics(infrastructure.bootstrapServers(), "bench.ours.v1", "bench.raw.v1");

        System.out.printf("Publish path benchmark: %d records/round, %d rounds, payload %d bytes, broker %s%n",
                records, rounds, payloadSize, infrastructure.bootstrapServers());
        // Warm-up of both paths (JIT, metadata, schema registration), not measured.
        run(infrastructure, new ByteArraySerializer(), "bench.raw.v1", keys, i -> rawPayloads[i], records / 4);
        run(infrastructure, new AvroEventSerializer(codec), "bench.ours.v1", keys, events::get, records / 4);

        double[] raw = new double[rounds];
        double[] ours = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            raw[round] = run(infrastructure, new ByteArraySerializer(), "bench.raw.v1", keys, i -> rawPayloads[i],
                    records);
            ours[round] = run(infrastructure, new AvroEventSerializer(codec), "bench.ours.v1", keys, events::get,
                    records);
            System.out.printf("round %d: raw %,.0f rec/s, ours %,.0f rec/s%n", round + 1, raw[round], ours[round]);
        }
        double rawMedian = median(raw);
        double oursMedian = median(ours);
        System.out.printf("RESULT raw kafka-clients byte[]: %,.0f records/s (%.1f MB/s)%n", rawMedian,
                rawMedian * payloadSize / 1_000_000);
        System.out.printf("RESULT our serializer + producer: %,.0f records/s (%.1f MB/s)%n", oursMedian,
                oursMedian * payloadSize / 1_000_000);
        System.out.printf("RESULT ratio ours/raw: %.2fx (target >= 0.85x)%n", oursMedian / rawMedian);
        infrastructure.close();
        System.exit(0);
    }

    private static <V> double run(InfrastructureProcess infrastructure, Serializer<V> serializer, String topic,
                                  String[] keys, IntFunction<V> values, int count) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, keys[i], values.apply(i)));
            }
            producer.flush();
            return count / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static List<TranscriptChunk> realisticChunks(int count) {
        var random = new Random(42);
        String[] speakers = {"Alice Martin", "Bob Chen", "Carla Diaz", "Deepak Rao"};
        String[] sentences = {
                "Let's go with the annual plan and revisit the discount in January.",
                "Alice will send the revised proposal to the client by Friday, December 4.",
                "The integration tests are green, but the staging deploy is blocked on the certificate.",
                "We decided to ship the calendar sync behind a feature flag for the pilot customers."};
        List<String> meetings = new ArrayList<>();
        for (int m = 0; m < 64; m++) {
            meetings.add("mtg_" + UUID.nameUUIDFromBytes(("meeting" + m).getBytes()).toString().replace("-", "").substring(0, 20));
        }
        List<TranscriptChunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String meetingId = meetings.get(i % meetings.size());
            chunks.add(TranscriptChunk.newBuilder()
                    .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                            .setProducer("pipeline-service").setUserId("user-" + (i % 64))
                            .setCorrelationId(UUID.randomUUID().toString()).build())
                    .setMeetingId(meetingId)
                    .setSessionId("ses_" + meetingId)
                    .setSequence(i / meetings.size() + 1)
                    .setChunkId("c-" + i)
                    .setSpeaker(speakers[random.nextInt(speakers.length)])
                    .setText(sentences[random.nextInt(sentences.length)])
                    .setStartOffsetMs(i * 1500L)
                    .setEndOffsetMs(i * 1500L + 1400)
                    .setIsFinal(true)
                    .setLanguage("en")
                    .build());
        }
        return chunks;
    }

    private static byte[][] randomPayloads(int count, int size) {
        var random = new Random(7);
        byte[][] payloads = new byte[count][];
        for (int i = 0; i < count; i++) {
            payloads[i] = new byte[size];
            random.nextBytes(payloads[i]);
        }
        return payloads;
    }

    private static void createTopics(String bootstrapServers, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(Arrays.stream(topics).map(topic -> new NewTopic(topic, 6, (short) 1)).toList()).all().get();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private PublishPathBenchmark() {
    }
}
