-- Meetings as intelligence-service knows them: the owner (from event metadata) and what the prep trigger told us.
CREATE TABLE meeting (
    meeting_id         TEXT PRIMARY KEY,
    user_id            TEXT        NOT NULL,
    title              TEXT,
    description        TEXT,
    meeting_type       TEXT,
    attendees          JSONB       NOT NULL DEFAULT '[]',
    scheduled_start    TIMESTAMPTZ,
    -- Wall-clock time the recording started (first chunk's publish time minus its offset): dates the meeting
    -- when no prep event told us its start.
    recording_started  TIMESTAMPTZ,
    -- Final chunks stored since the last running notes.
    chunks_since_notes INT         NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Final transcript chunks, one row per (meeting, sequence): a redelivered or re-published chunk is ignored.
CREATE TABLE transcript_chunk (
    meeting_id      TEXT        NOT NULL REFERENCES meeting (meeting_id),
    sequence        BIGINT      NOT NULL,
    chunk_id        TEXT        NOT NULL,
    session_id      TEXT        NOT NULL,
    speaker         TEXT,
    text            TEXT        NOT NULL,
    start_offset_ms BIGINT      NOT NULL,
    end_offset_ms   BIGINT      NOT NULL,
    language        TEXT,
    received_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (meeting_id, sequence)
);

-- One post-meeting analysis per meeting: requested on TRANSCRIBING, completed by the job in the transaction
-- that records the final insights and appends them to the outbox.
CREATE TABLE post_meeting_analysis (
    meeting_id     TEXT PRIMARY KEY REFERENCES meeting (meeting_id),
    correlation_id TEXT        NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL,
    run_by         TIMESTAMPTZ NOT NULL,
    completed_at   TIMESTAMPTZ
);

CREATE TABLE insight (
    insight_id                  TEXT PRIMARY KEY,
    meeting_id                  TEXT        NOT NULL REFERENCES meeting (meeting_id),
    user_id                     TEXT        NOT NULL,
    kind                        TEXT        NOT NULL,
    content                     TEXT        NOT NULL,
    items                       JSONB       NOT NULL DEFAULT '[]',
    engine                      TEXT        NOT NULL,
    template_id                 TEXT,
    truncated                   BOOLEAN     NOT NULL DEFAULT false,
    transcript_through_sequence BIGINT,
    final_insight               BOOLEAN     NOT NULL,
    -- Meeting version the insight answers (prep materials per MeetingRequiresPrep version); 0 otherwise.
    meeting_version             BIGINT      NOT NULL DEFAULT 0,
    -- Set when the engine failed and the insight carries what could be produced.
    engine_error                TEXT,
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
-- A final insight of a kind exists once per meeting (and meeting version): a rerun cannot publish it twice.
CREATE UNIQUE INDEX insight_final_once ON insight (meeting_id, kind, meeting_version) WHERE final_insight;
CREATE INDEX insight_by_meeting ON insight (meeting_id, created_at);
