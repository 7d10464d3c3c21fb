package io.meetingintel.benchmarks;

import io.meetingintel.events.EventMetadata;
import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.platform.outbox.OutboxRelay;
import io.meetingintel.platform.outbox.OutboxWriter;
import io.meetingintel.platform.registry.HttpSchemaRegistryClient;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topics;
import io.meetingintel.testing.EmbeddedInfrastructure;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.zaxxer.hikari.HikariDataSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbox relay lag: each event is appended in its own committed transaction at a steady rate; the relay (woken after
 * each commit) publishes it, and the lag from insert to broker acknowledgement is recorded. Baseline in the same
 * run: a raw producer's send-to-acknowledgement latency for the same payloads. Target: relay lag p99 < 50 ms.
 * Arguments (optional): events (default 5000), events per second (default 500).
 */
public final class OutboxRelayLagBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        var infrastructure = EmbeddedInfrastructure.get();
        String jdbcUrl = infrastructure.jdbcUrl("bench_outbox");
        Flyway.configure().dataSource(jdbcUrl, "postgres", "").locations("classpath:db/platform").load().migrate();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.TRANSCRIPT_CHUNK_NAME, 6, (short) 1))).all().get();
        }
        // A pool, as in the services: a new connection per transaction would dominate the lag.
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(4);
        var jdbc = new JdbcTemplate(dataSource);
        var transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        var producers = new DefaultKafkaProducerFactory<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2), new StringSerializer(), new ByteArraySerializer());
        var kafka = new KafkaTemplate<>(producers);
        var codec = new AvroEventCodec(HttpSchemaRegistryClient.builder(
                URI.create(infrastructure.schemaRegistryUrl())).build(), true);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        // Warm-up (JIT, pool, schema registration), then a fresh relay and registry for the measured run.
        relayAt(events / 5, intervalNanos, jdbc, transaction, kafka, codec, new SimpleMeterRegistry());
        var meters = new SimpleMeterRegistry();
        System.out.printf("Outbox relay lag benchmark: %d events at %d/s, one transaction each%n", events, perSecond);
        relayAt(events, intervalNanos, jdbc, transaction, kafka, codec, meters);
        HistogramSnapshot lag = meters.get("platform.outbox.relay.lag").timer().takeSnapshot();

        var rawLatencies = io.micrometer.core.instrument.Timer.builder("raw.send.ack").publishPercentiles(0.5, 0.99)
                .register(meters);
        List<CompletableFuture<?>> sends = new ArrayList<>();
        paced(events, intervalNanos, i -> {
            long started = System.nanoTime();
            sends.add(kafka.send(new ProducerRecord<>(Topics.TRANSCRIPT_CHUNK_NAME, "mtg_bench_" + (i % 64),
                    codec.serialize(Topics.TRANSCRIPT_CHUNK_NAME, chunk(i))))
                    .whenComplete((result, error) -> rawLatencies.record(Duration.ofNanos(System.nanoTime() - started))));
        });
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        print("RESULT outbox relay lag (insert -> broker ack)", lag);
        print("RESULT raw producer send -> broker ack", rawLatencies.takeSnapshot());
        System.out.println("Target: outbox relay lag p99 < 50 ms");
        producers.destroy();
        System.exit(0);
    }

    private static void relayAt(int events, long intervalNanos, JdbcTemplate jdbc, TransactionTemplate transaction,
                                KafkaTemplate<String, byte[]> kafka, AvroEventCodec codec, SimpleMeterRegistry meters)
            throws InterruptedException {
        var relay = new OutboxRelay(jdbc, transaction, kafka, codec, meters, OutboxRelay.Settings.defaults());
        var writer = new OutboxWriter(jdbc, codec, relay::wakeUp);
        relay.start();
        paced(events, intervalNanos, i -> transaction.executeWithoutResult(status ->
                writer.append(Topics.TRANSCRIPT_CHUNK, "mtg_bench_" + (i % 64), chunk(i))));
        while (relay.backlog() > 0) {
            Thread.sleep(50);
        }
        relay.stop();
    }

    private static void paced(int count, long intervalNanos, java.util.function.IntConsumer action) {
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            action.accept(i);
            next += intervalNanos;
        }
    }

    private static TranscriptChunk chunk(int i) {
        return TranscriptChunk.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                        .setProducer("benchmark").setUserId("user-1").setCorrelationId("bench").build())
                .setMeetingId("mtg_bench_" + (i % 64)).setSessionId("ses").setSequence(i + 1).setChunkId("c-" + i)
                .setSpeaker("Alice Martin").setText("We decided to ship the calendar sync behind a feature flag.")
                .setStartOffsetMs(i * 1000L).setEndOffsetMs(i * 1000L + 900).setIsFinal(true).setLanguage("en")
                .build();
    }

    private static void print(String label, HistogramSnapshot snapshot) {
        StringBuilder line = new StringBuilder(String.format("%s: n=%d mean %.1f ms", label, snapshot.count(),
                snapshot.mean(TimeUnit.MILLISECONDS)));
        for (ValueAtPercentile percentile : snapshot.percentileValues()) {
            line.append(String.format(", p%.0f %.1f ms", percentile.percentile() * 100,
                    percentile.value(TimeUnit.MILLISECONDS)));
        }
        line.append(String.format(", max %.1f ms", snapshot.max(TimeUnit.MILLISECONDS)));
        System.out.println(line);
    }

    private OutboxRelayLagBenchmark() {
    }
}
