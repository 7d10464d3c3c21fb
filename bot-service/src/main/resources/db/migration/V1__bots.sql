-- Bots and their status history (seed 003 status machine).
CREATE TABLE bot (
    id             TEXT PRIMARY KEY,
    user_id        TEXT        NOT NULL,
    meeting_id     TEXT        NOT NULL,
    meeting_url    TEXT        NOT NULL,
    platform       TEXT        NOT NULL,
    provider       TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    transition     INT         NOT NULL,
    correlation_id TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- At most one live (non-final) bot per meeting.
CREATE UNIQUE INDEX bot_one_live_per_meeting ON bot (meeting_id) WHERE status NOT IN ('DONE', 'ERROR');
CREATE INDEX bot_by_user ON bot (user_id, created_at DESC, id);

CREATE TABLE bot_status_history (
    bot_id          TEXT        NOT NULL REFERENCES bot (id),
    transition      INT         NOT NULL,
    status          TEXT        NOT NULL,
    previous_status TEXT,
    reason          TEXT,
    at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (bot_id, transition)
);

-- What auto-join knows about calendar meetings (from MeetingDiscovered), newest version only.
CREATE TABLE meeting (
    meeting_id       TEXT PRIMARY KEY,
    user_id          TEXT        NOT NULL,
    version          BIGINT      NOT NULL,
    title            TEXT        NOT NULL,
    start_time       TIMESTAMPTZ NOT NULL,
    end_time         TIMESTAMPTZ NOT NULL,
    conference_url   TEXT,
    cancelled        BOOLEAN     NOT NULL,
    correlation_id   TEXT,
    auto_join_bot_id TEXT,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- State of the simulated provider's calls, so a restart does not leave bots stuck mid-call.
CREATE TABLE simulated_call (
    bot_id        TEXT PRIMARY KEY REFERENCES bot (id),
    runner_id     TEXT        NOT NULL,
    state         TEXT        NOT NULL,
    segments_sent INT         NOT NULL DEFAULT 0,
    started_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX simulated_call_active ON simulated_call (state) WHERE state = 'ACTIVE';
