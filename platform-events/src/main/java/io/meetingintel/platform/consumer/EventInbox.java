package io.meetingintel.platform.consumer;

import io.meetingintel.events.EventMetadata;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.platform.serde.IncompatibleEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decodes a consumed record and applies its effects exactly once per consumer: the (consumer, event id) row is
 * inserted in the same database transaction as the effects, so a redelivered event finds it and does nothing.
 * Undecodable or invalid records raise a {@link io.meetingintel.platform.serde.PoisonPillException}, which the
 * listener error handler sends to the dead-letter topic at once; anything else is retried with backoff.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AvroEventCodec codec;
    private final Counter duplicates;

    public EventInbox(JdbcTemplate jdbc, TransactionTemplate transaction, AvroEventCodec codec, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.codec = codec;
        this.duplicates = Counter.builder("platform.events.duplicates")
                .description("Redelivered events skipped because their effects were already applied")
                .register(meters);
    }

    /**
     * @param consumer name of the consuming use case, unique in the service (the idempotency scope)
     * @param effects  state changes of the event; runs inside the transaction that records the event id
     * @return true when the effects ran, false for a duplicate
     */
    public <V extends SpecificRecord> boolean handle(String consumer, ConsumerRecord<String, byte[]> record,
                                                     Class<V> type, Consumer<V> effects) {
        V event = decode(record, type);
        EventMetadata metadata = EventMetadataFactory.metadataOf(event);
        Boolean applied = transaction.execute(status -> {
            int inserted = jdbc.update("INSERT INTO platform_processed_event (consumer, event_id) VALUES (?, ?) "
                    + "ON CONFLICT DO NOTHING", consumer, metadata.getEventId());
            if (inserted == 0) {
                return false;
            }
            effects.accept(event);
            return true;
        });
        if (!Boolean.TRUE.equals(applied)) {
            duplicates.increment();
            log.debug("{} skipped duplicate event {} ({}-{}@{})", consumer, metadata.getEventId(), record.topic(),
                    record.partition(), record.offset());
            return false;
        }
        return true;
    }

    private <V extends SpecificRecord> V decode(ConsumerRecord<String, byte[]> record, Class<V> type) {
        SpecificRecord decoded = codec.deserialize(record.topic(), record.value());
        if (!type.isInstance(decoded)) {
            throw new IncompatibleEventException("Expected " + type.getSimpleName() + " on " + record.topic()
                    + " but got " + (decoded == null ? "a tombstone" : decoded.getSchema().getFullName()));
        }
        return type.cast(decoded);
    }
}
