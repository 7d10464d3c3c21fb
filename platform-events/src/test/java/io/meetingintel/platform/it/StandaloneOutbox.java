package io.meetingintel.platform.it;

import io.meetingintel.platform.outbox.OutboxRelay;
import io.meetingintel.platform.outbox.OutboxWriter;
import io.meetingintel.platform.registry.HttpSchemaRegistryClient;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox writer and relay wired by hand, as a service wires them, for processes the tests start and kill. */
final class StandaloneOutbox implements AutoCloseable {

    final JdbcTemplate jdbc;
    final TransactionTemplate transaction;
    final OutboxRelay relay;
    final OutboxWriter writer;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final AvroEventCodec codec;

    StandaloneOutbox(String jdbcUrl, String bootstrapServers, String registryUrl, Duration pollInterval) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser("postgres");
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
        codec = new AvroEventCodec(HttpSchemaRegistryClient.builder(URI.create(registryUrl)).build(), true);
        relay = relayWith(new KafkaTemplate<>(producers), pollInterval, Duration.ofSeconds(30));
        // No wake-up after commit: the relay only polls, which widens the commit-to-send window the crash test needs.
        writer = new OutboxWriter(jdbc, codec, () -> { });
    }

    /** A relay on the same database publishing through the given template. */
    OutboxRelay relayWith(KafkaTemplate<String, byte[]> template, Duration pollInterval, Duration sendTimeout) {
        return new OutboxRelay(jdbc, transaction, template, codec, new SimpleMeterRegistry(),
                new OutboxRelay.Settings(200, pollInterval, sendTimeout, Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    /** A template whose sends the broker never acknowledges: the fault between send and acknowledgement. */
    KafkaTemplate<String, byte[]> neverAcknowledging() {
        return new KafkaTemplate<>(producers) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                return new CompletableFuture<>();
            }
        };
    }

    @Override
    public void close() {
        relay.stop();
        producers.destroy();
    }
}
