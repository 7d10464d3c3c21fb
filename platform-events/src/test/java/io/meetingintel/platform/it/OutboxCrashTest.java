package io.meetingintel.platform.it;

import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.outbox.OutboxPublishException;
import io.meetingintel.platform.registry.HttpSchemaRegistryClient;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topics;
import io.meetingintel.testing.EmbeddedInfrastructure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real process appends events and is killed with SIGKILL while committed events are still in its outbox. After a
 * restart (a new relay on the same database) every committed state change has its event on Kafka: none lost.
 */
class OutboxCrashTest {

    private static final int COMMITS_BEFORE_KILL = 400;

    @Test
    void eventsCommittedBeforeASigkillAreAllPublishedAfterRestart() throws Exception {
        var infrastructure = EmbeddedInfrastructure.get();
        String jdbcUrl = infrastructure.jdbcUrl("outbox_crash");
        Flyway.configure().dataSource(jdbcUrl, "postgres", "")
                .locations("classpath:db/platform", "classpath:db/migration").load().migrate();
        createTopic(infrastructure.bootstrapServers());
        String meetingId = "mtg-crash-" + UUID.randomUUID();

        Process writer = startWriterProcess(jdbcUrl, infrastructure, meetingId);
        long lastPrinted = waitForCommits(writer, COMMITS_BEFORE_KILL);
        writer.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
        writer.waitFor();

        try (var restarted = new StandaloneOutbox(jdbcUrl, infrastructure.bootstrapServers(),
                infrastructure.schemaRegistryUrl(), Duration.ofMillis(50))) {
            Set<Long> committed = new HashSet<>(restarted.jdbc.queryForList(
                    "SELECT id FROM test_business WHERE meeting_id = ?", Long.class, meetingId));
            long leftInOutbox = restarted.relay.backlog();
            assertThat(committed.size()).isGreaterThanOrEqualTo((int) lastPrinted);
            assertThat(leftInOutbox).as("committed but unsent events at the moment of the kill").isPositive();

            while (restarted.relay.relayBatch() > 0) {
                // the restarted relay publishes what the killed process left behind
            }
            assertThat(restarted.relay.backlog()).isZero();

            Map<Long, Integer> published = readSequences(infrastructure, meetingId, committed.size());
            assertThat(published.keySet()).as("every committed state change has its event").isEqualTo(committed);
        }
    }

    /**
     * The fault injected exactly between send and acknowledgement: the broker never acknowledges. The relay must keep
     * every row (one that deleted rows without waiting for acknowledgements would lose them here), and a relay whose
     * sends are acknowledged later publishes them all.
     */
    @Test
    void eventsStayInTheOutboxUntilTheBrokerAcknowledgesThem() throws Exception {
        var infrastructure = EmbeddedInfrastructure.get();
        String jdbcUrl = infrastructure.jdbcUrl("outbox_unacknowledged");
        Flyway.configure().dataSource(jdbcUrl, "postgres", "")
                .locations("classpath:db/platform", "classpath:db/migration").load().migrate();
        createTopic(infrastructure.bootstrapServers());
        String meetingId = "mtg-unacked-" + UUID.randomUUID();
        var metadata = new EventMetadataFactory("outbox-test", Clock.systemUTC());

        try (var outbox = new StandaloneOutbox(jdbcUrl, infrastructure.bootstrapServers(),
                infrastructure.schemaRegistryUrl(), Duration.ofMillis(50))) {
            for (long id = 1; id <= 20; id++) {
                long committed = id;
                outbox.transaction.executeWithoutResult(status -> outbox.writer.append(Topics.TRANSCRIPT_CHUNK,
                        meetingId, TestEvents.chunk(metadata.create("user-1", null), meetingId, committed,
                                "Segment " + committed)));
            }
            var unacknowledged = outbox.relayWith(outbox.neverAcknowledging(), Duration.ofMillis(50),
                    Duration.ofSeconds(1));
            assertThatThrownBy(unacknowledged::relayBatch).isInstanceOf(OutboxPublishException.class);
            assertThat(outbox.relay.backlog()).isEqualTo(20);

            while (outbox.relay.relayBatch() > 0) {
                // a relay whose sends are acknowledged publishes what the failed one kept
            }
            assertThat(readSequences(infrastructure, meetingId, 20).keySet())
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        }
    }

    private static Process startWriterProcess(String jdbcUrl, EmbeddedInfrastructure infrastructure, String meetingId)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OutboxWriterProcess.class.getName(), jdbcUrl, infrastructure.bootstrapServers(),
                infrastructure.schemaRegistryUrl(), meetingId)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static long waitForCommits(Process writer, int commits) throws Exception {
        var lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long last = 0;
        String line;
        while (last < commits && System.nanoTime() < deadline && (line = lines.readLine()) != null) {
            if (line.startsWith("committed ")) {
                last = Long.parseLong(line.substring("committed ".length()));
            }
        }
        assertThat(last).as("commits printed by the writer process").isGreaterThanOrEqualTo(commits);
        return last;
    }

    private static Map<Long, Integer> readSequences(EmbeddedInfrastructure infrastructure, String meetingId,
                                                    int expected) {
        var codec = new AvroEventCodec(HttpSchemaRegistryClient.builder(
                URI.create(infrastructure.schemaRegistryUrl())).build(), false);
        Map<Long, Integer> sequences = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "crash-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSCRIPT_CHUNK_NAME));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sequences.size() < expected && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (meetingId.equals(record.key())) {
                        var chunk = (TranscriptChunk) codec.deserialize(record.topic(), record.value());
                        sequences.merge(chunk.getSequence(), 1, Integer::sum);
                    }
                }
            }
        }
        return sequences;
    }

    private static void createTopic(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(Topics.TRANSCRIPT_CHUNK_NAME, Topics.DEFAULT_PARTITIONS,
                    (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
