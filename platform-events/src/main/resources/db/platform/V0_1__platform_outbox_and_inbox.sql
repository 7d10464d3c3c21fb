-- Shared event plumbing of every service (platform-events). Service migrations start at V1.

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka, then deleted.
-- The payload is the Avro binary body; the relay adds the Confluent header (schema id) when it publishes, so a
-- business transaction never depends on the schema registry being reachable.
CREATE TABLE platform_outbox_schema (
    fingerprint BIGINT PRIMARY KEY,
    schema_json TEXT NOT NULL
);

CREATE TABLE platform_outbox (
    id                 BIGSERIAL PRIMARY KEY,
    topic              TEXT        NOT NULL,
    event_key          TEXT        NOT NULL,
    event_id           UUID        NOT NULL,
    schema_fingerprint BIGINT      NOT NULL REFERENCES platform_outbox_schema (fingerprint),
    payload            BYTEA       NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Idempotent consumption: one row per (consumer, event) inserted in the same transaction as the effects.
CREATE TABLE platform_processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
