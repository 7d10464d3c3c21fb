package io.meetingintel.platform.outbox;

import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topic;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the transactional outbox. Must be called inside the transaction that changes the state the
 * event describes: both commit together or neither does, and the relay publishes after the commit.
 */
public class OutboxWriter {

    private final JdbcTemplate jdbc;
    private final AvroEventCodec codec;
    private final Runnable afterCommit;
    private final Map<Schema, Long> storedFingerprints = new ConcurrentHashMap<>();

    /**
     * @param afterCommit called after a transaction that appended events commits (wakes the relay up so it does not
     *                    wait for its next poll)
     */
    public OutboxWriter(JdbcTemplate jdbc, AvroEventCodec codec, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.afterCommit = afterCommit;
    }

    public <V extends SpecificRecord> void append(Topic<V> topic, String key, V event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox append outside a transaction: the event would not commit with "
                    + "the state it describes (topic " + topic.name() + ")");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Events are keyed by meeting id; the key is missing for " + topic.name());
        }
        var eventId = EventMetadataFactory.metadataOf(event).getEventId();
        long fingerprint = storeSchemaOnce(event.getSchema());
        jdbc.update("INSERT INTO platform_outbox (topic, event_key, event_id, schema_fingerprint, payload) "
                + "VALUES (?, ?, ?, ?, ?)", topic.name(), key, eventId, fingerprint, codec.encodeBody(event));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        });
    }

    /** The writer schema is kept once per fingerprint so the relay can frame old rows after an upgrade. */
    private long storeSchemaOnce(Schema schema) {
        Long known = storedFingerprints.get(schema);
        if (known != null) {
            return known;
        }
        String json = schema.toString();
        long fingerprint = SchemaNormalization.fingerprint64(json.getBytes(StandardCharsets.UTF_8));
        jdbc.update("INSERT INTO platform_outbox_schema (fingerprint, schema_json) VALUES (?, ?) "
                + "ON CONFLICT (fingerprint) DO NOTHING", fingerprint, json);
        // Cached only once the insert is committed elsewhere too; a rolled-back first use re-inserts next time.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                storedFingerprints.put(schema, fingerprint);
            }
        });
        return fingerprint;
    }
}
