package io.meetingintel.platform.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Event plumbing settings of a service, under {@code platform.events}; each has an environment variable too. */
@ConfigurationProperties("platform.events")
public record PlatformEventsProperties(
        /* Producer name written into every event's metadata; defaults to spring.application.name. */
        String producer,
        @DefaultValue("http://localhost:8081") String schemaRegistryUrl,
        @DefaultValue("true") boolean autoRegisterSchemas,
        @DefaultValue("5s") Duration schemaRegistryTimeout,
        @DefaultValue("4") int schemaRegistryMaxAttempts,
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer,
        @DefaultValue Topics topics) {

    public record Outbox(
            @DefaultValue("true") boolean relayEnabled,
            @DefaultValue("500") int batchSize,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("10s") Duration drainTimeout) {
    }

    /** Retry of transient consumer failures; poison pills skip it and go to the dead-letter topic at once. */
    public record Consumer(
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2.0") double backoffMultiplier,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("15m") Duration maxRetryTime) {
    }

    public record Topics(
            @DefaultValue("true") boolean create,
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor) {
    }
}
