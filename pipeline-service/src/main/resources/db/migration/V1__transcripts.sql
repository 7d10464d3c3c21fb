-- One row per meeting the pipeline has heard of: its owner (learnt from BotStatusChanged), the correlation id of
-- the flow and the per-meeting sequence counter. Assigning the next sequence is an UPDATE of this row inside the
-- segment's transaction: gap-free, restart-safe and serialised between concurrent sockets of the same meeting.
CREATE TABLE meeting_transcript (
    meeting_id     TEXT PRIMARY KEY,
    user_id        TEXT,
    correlation_id TEXT,
    last_sequence  BIGINT      NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One session per bot in a call, from its connection (or CONNECTED status) until it ends, leaves or goes quiet.
CREATE TABLE transcript_session (
    id               UUID PRIMARY KEY,
    meeting_id       TEXT        NOT NULL REFERENCES meeting_transcript (meeting_id),
    bot_id           TEXT        NOT NULL,
    user_id          TEXT,
    opened_at        TIMESTAMPTZ NOT NULL,
    last_activity_at TIMESTAMPTZ NOT NULL,
    closed_at        TIMESTAMPTZ,
    close_reason     TEXT
);
-- At most one open session per bot and meeting: the connection and the CONNECTED status race to open it.
CREATE UNIQUE INDEX transcript_session_open_per_bot
    ON transcript_session (meeting_id, bot_id) WHERE closed_at IS NULL;
CREATE INDEX transcript_session_open_by_activity
    ON transcript_session (last_activity_at) WHERE closed_at IS NULL;
CREATE INDEX transcript_session_by_meeting ON transcript_session (meeting_id);

-- Final segments only; drafts are never stored.
CREATE TABLE transcript_segment (
    meeting_id  TEXT        NOT NULL REFERENCES meeting_transcript (meeting_id),
    sequence    BIGINT      NOT NULL,
    chunk_id    TEXT        NOT NULL,
    session_id  UUID        NOT NULL REFERENCES transcript_session (id),
    speaker     TEXT,
    text        TEXT        NOT NULL,
    start_ms    BIGINT      NOT NULL,
    end_ms      BIGINT      NOT NULL,
    language    TEXT,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (meeting_id, sequence),
    CONSTRAINT transcript_segment_chunk_once UNIQUE (meeting_id, chunk_id)
);

-- Last applied BotStatusChanged transition per bot: stale or reordered statuses change nothing.
CREATE TABLE bot_progress (
    bot_id     TEXT PRIMARY KEY,
    meeting_id TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    transition INTEGER NOT NULL
);
