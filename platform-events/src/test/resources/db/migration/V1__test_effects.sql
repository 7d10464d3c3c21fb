-- A stand-in service's own state for the plumbing tests.
CREATE TABLE test_business (
    id         BIGINT PRIMARY KEY,
    meeting_id TEXT NOT NULL
);

-- One row per applied effect: a duplicate effect would show up as a second row.
CREATE TABLE test_effect (
    id         BIGSERIAL PRIMARY KEY,
    event_id   UUID   NOT NULL,
    topic      TEXT   NOT NULL,
    meeting_id TEXT   NOT NULL,
    sequence   BIGINT
);
