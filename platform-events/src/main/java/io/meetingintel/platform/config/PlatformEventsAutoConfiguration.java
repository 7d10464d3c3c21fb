package io.meetingintel.platform.config;

import io.meetingintel.platform.consumer.EventInbox;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.outbox.OutboxRelay;
import io.meetingintel.platform.outbox.OutboxWriter;
import io.meetingintel.platform.registry.HttpSchemaRegistryClient;
import io.meetingintel.platform.registry.SchemaRegistryClient;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.platform.serde.PoisonPillException;
import io.meetingintel.schemas.Topic;
import io.meetingintel.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.api.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wires the shared event plumbing into every service: registry client and codec, a byte[] producer and consumer
 * (decoding happens in {@link EventInbox} so dead letters keep the original bytes), the outbox, the idempotent
 * inbox, dead-lettering and the topics of the catalogue.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PlatformEventsProperties.class)
public class PlatformEventsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformEventsAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    SchemaRegistryClient schemaRegistryClient(PlatformEventsProperties properties) {
        return HttpSchemaRegistryClient.builder(URI.create(properties.schemaRegistryUrl()))
                .requestTimeout(properties.schemaRegistryTimeout())
                .maxAttempts(properties.schemaRegistryMaxAttempts())
                .build();
    }

    @Bean
    AvroEventCodec avroEventCodec(SchemaRegistryClient registry, PlatformEventsProperties properties) {
        return new AvroEventCodec(registry, properties.autoRegisterSchemas());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventMetadataFactory eventMetadataFactory(PlatformEventsProperties properties, Environment environment,
                                              Clock clock) {
        String producer = properties.producer() != null ? properties.producer()
                : environment.getProperty("spring.application.name", "unknown-service");
        return new EventMetadataFactory(producer, clock);
    }

    @Bean
    DefaultKafkaProducerFactory<String, byte[]> kafkaProducerFactory(KafkaProperties kafka,
            ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        var factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> kafkaTemplate(ProducerFactory<String, byte[]> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    /** Boot's consumer factory, reading raw bytes: {@link EventInbox} decodes, so dead letters keep the original. */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer rawBytesConsumers() {
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    }

    /** Poison pills go to {@code <topic>.dlt} on the first attempt with their original bytes; the rest retry. */
    @Bean
    CommonErrorHandler eventErrorHandler(KafkaTemplate<String, byte[]> kafkaTemplate, MeterRegistry meters,
                                         PlatformEventsProperties properties) {
        var deadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, exception) -> new TopicPartition(record.topic() + ".dlt", -1));
        ConsumerRecordRecoverer countingRecoverer = (record, exception) -> {
            deadLetters.accept(record, exception);
            Counter.builder("platform.events.dead_lettered")
                    .description("Records sent to a dead-letter topic")
                    .tag("topic", record.topic())
                    .register(meters)
                    .increment();
            log.error("Dead-lettered {}-{}@{} (key {}) to {}.dlt: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), record.topic(), exception.getMessage());
        };
        var retry = properties.consumer();
        var backOff = new ExponentialBackOff(retry.initialBackoff().toMillis(), retry.backoffMultiplier());
        backOff.setMaxInterval(retry.maxBackoff().toMillis());
        backOff.setMaxElapsedTime(retry.maxRetryTime().toMillis());
        var handler = new DefaultErrorHandler(countingRecoverer, backOff);
        handler.addNotRetryableExceptions(PoisonPillException.class);
        return handler;
    }

    @Bean
    @ConditionalOnProperty(name = "platform.events.topics.create", matchIfMissing = true)
    KafkaAdmin.NewTopics platformTopics(PlatformEventsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            Stream.of(topic.name(), topic.deadLetterTopic()).forEach(name -> topics.add(TopicBuilder.name(name)
                    .partitions(properties.topics().partitions())
                    .replicas(properties.topics().replicationFactor())
                    .build()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction,
                            KafkaTemplate<String, byte[]> kafkaTemplate, AvroEventCodec codec, MeterRegistry meters,
                            PlatformEventsProperties properties) {
        var outbox = properties.outbox();
        var relay = new OutboxRelay(jdbc, transaction, kafkaTemplate, codec, meters, new OutboxRelay.Settings(
                outbox.batchSize(), outbox.pollInterval(), outbox.sendTimeout(), outbox.maxBackoff(),
                outbox.drainTimeout()));
        relay.setAutoStartup(outbox.relayEnabled());
        return relay;
    }

    @Bean
    OutboxWriter outboxWriter(JdbcTemplate jdbc, AvroEventCodec codec, OutboxRelay relay) {
        return new OutboxWriter(jdbc, codec, relay::wakeUp);
    }

    @Bean
    EventInbox eventInbox(JdbcTemplate jdbc, TransactionTemplate transaction, AvroEventCodec codec,
                          MeterRegistry meters) {
        return new EventInbox(jdbc, transaction, codec, meters);
    }

    /** Adds the shared outbox and inbox tables to every service's own migrations. */
    @Bean
    FlywayConfigurationCustomizer platformMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            Location platform = new Location("classpath:db/platform");
            if (!locations.contains(platform)) {
                locations.add(platform);
            }
            configuration.locations(locations.toArray(Location[]::new));
        };
    }
}
