package io.meetingintel.platform.metadata;

import io.meetingintel.events.EventMetadata;

import java.time.Clock;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

/** Builds the metadata record every event carries, and reads it back from any event. */
public final class EventMetadataFactory {

    private final String producer;
    private final Clock clock;

    public EventMetadataFactory(String producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    public EventMetadata create(String userId, String correlationId) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setProducer(producer)
                .setUserId(userId)
                .setCorrelationId(correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId)
                .build();
    }

    /** The metadata of an event: every platform event has a {@code metadata} field first. */
    public static EventMetadata metadataOf(SpecificRecord event) {
        if (event.getSchema().getField("metadata") == null
                || !(event.get(event.getSchema().getField("metadata").pos()) instanceof EventMetadata metadata)) {
            throw new IllegalArgumentException(event.getSchema().getFullName() + " carries no EventMetadata");
        }
        return metadata;
    }
}
