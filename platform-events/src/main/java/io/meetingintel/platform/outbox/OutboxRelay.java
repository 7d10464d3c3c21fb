package io.meetingintel.platform.outbox;

import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.platform.serde.ConfluentWireFormat;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka in commit order and deletes them once the broker acknowledged them
 * (idempotent producer, acks=all). One relay per database is active at a time (a transaction-scoped advisory lock),
 * which keeps per-key order across replicas. A crash between send and delete re-sends the batch: delivery is
 * at-least-once and consumers deduplicate on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Stops after the web server and the listener containers, so no new events arrive while it drains. */
    public static final int PHASE = Integer.MAX_VALUE - 4096;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK_KEY = 0x6f7574626f78L; // "outbox"

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, byte[]> kafka;
    private final AvroEventCodec codec;
    private final Settings settings;
    private final Timer relayLag;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Map<Long, Schema> schemasByFingerprint = new ConcurrentHashMap<>();
    private volatile boolean running;
    private boolean autoStartup = true;
    private Thread worker;

    public record Settings(int batchSize, Duration pollInterval, Duration sendTimeout, Duration maxBackoff,
                           Duration drainTimeout) {
        public static Settings defaults() {
            return new Settings(500, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(30),
                    Duration.ofSeconds(10));
        }
    }

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, byte[]> kafka,
                       AvroEventCodec codec, MeterRegistry meters, Settings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.codec = codec;
        this.settings = settings;
        this.relayLag = Timer.builder("platform.outbox.relay.lag")
                .description("Time from outbox insert to broker acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        Gauge.builder("platform.outbox.backlog", this, OutboxRelay::backlogOrNaN)
                .description("Events committed but not yet acknowledged by the broker")
                .register(meters);
    }

    /** Asks the relay to look at the outbox now instead of at its next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Publishes one batch and returns how many events it published (0 when the outbox is empty or another relay
     * holds the lock). Throws when the broker or the registry fails; the rows then stay for the next attempt.
     */
    public int relayBatch() {
        Integer published = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                    ADVISORY_LOCK_KEY))) {
                return 0;
            }
            List<OutboxRow> rows = jdbc.query("SELECT id, topic, event_key, event_id, schema_fingerprint, payload, "
                    + "created_at FROM platform_outbox ORDER BY id LIMIT ? FOR UPDATE", (rs, i) -> new OutboxRow(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getLong(5),
                    rs.getBytes(6), rs.getTimestamp(7).toInstant()), settings.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            publish(rows);
            Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
            jdbc.execute((ConnectionCallback<Integer>) connection -> {
                Array idArray = connection.createArrayOf("bigint", ids);
                try (var delete = connection.prepareStatement("DELETE FROM platform_outbox WHERE id = ANY (?)")) {
                    delete.setArray(1, idArray);
                    return delete.executeUpdate();
                }
            });
            Instant acknowledged = Instant.now();
            rows.forEach(row -> relayLag.record(Duration.between(row.createdAt(), acknowledged)));
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    private void publish(List<OutboxRow> rows) {
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            int schemaId = codec.schemaIdFor(row.topic() + "-value", schemaOf(row.schemaFingerprint()));
            var record = new ProducerRecord<>(row.topic(), null, row.key(),
                    ConfluentWireFormat.frame(schemaId, row.payload()));
            record.headers().add("event-id", row.eventId().toString().getBytes(StandardCharsets.UTF_8));
            sends.add(kafka.send(record));
        }
        kafka.flush();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxPublishException("Interrupted while waiting for broker acknowledgements", e);
        } catch (Exception e) {
            throw new OutboxPublishException("Broker did not acknowledge " + rows.size() + " outbox events", e);
        }
    }

    private Schema schemaOf(long fingerprint) {
        return schemasByFingerprint.computeIfAbsent(fingerprint, key -> new Schema.Parser().parse(jdbc.queryForObject(
                "SELECT schema_json FROM platform_outbox_schema WHERE fingerprint = ?", String.class, key)));
    }

    public long backlog() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM platform_outbox", Long.class);
        return count == null ? 0 : count;
    }

    private double backlogOrNaN() {
        try {
            return backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                if (relayBatch() == 0) {
                    awaitWakeUp(settings.pollInterval());
                }
                if (failures > 0) {
                    log.info("Outbox relay recovered after {} failed attempts", failures);
                }
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                long backoff = Math.min(settings.maxBackoff().toMillis(), 100L << Math.min(failures, 16));
                log.warn("Outbox relay could not publish: {}. Events stay in the outbox; retry {} in {} ms",
                        rootCause(e), failures, backoff);
                sleep(backoff);
            }
        }
        drain();
    }

    /** On shutdown: publish what is left, for a bounded time; what remains is published by the next start. */
    private void drain() {
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        try {
            while (System.nanoTime() < deadline && relayBatch() > 0) {
                // keep draining
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay stopped with events left in the outbox ({}); they are published after restart",
                    rootCause(e));
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.toString() : e.getMessage() + " (cause: " + cause + ")";
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(settings.drainTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    /** Off for processes that only write events (tests, tools); another relay publishes them. */
    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private record OutboxRow(long id, String topic, String key, UUID eventId, long schemaFingerprint, byte[] payload,
                             Instant createdAt) {
    }
}
