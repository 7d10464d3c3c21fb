-- Meetings as calendar-service discovered them, with the status lifecycle and the prep workflow state.
CREATE TABLE meeting (
    id                  TEXT PRIMARY KEY,
    user_id             TEXT        NOT NULL,
    title               TEXT        NOT NULL,
    description         TEXT,
    location            TEXT,
    start_time          TIMESTAMPTZ NOT NULL,
    end_time            TIMESTAMPTZ NOT NULL,
    organizer           JSONB,
    attendees           JSONB       NOT NULL DEFAULT '[]',
    conference_url      TEXT,
    conference_platform TEXT        NOT NULL,
    meeting_type        TEXT        NOT NULL,
    prep_hours_before   INT         NOT NULL,
    prep_trigger_at     TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('upcoming', 'in_progress', 'done', 'cancelled')),
    prep_status         TEXT        NOT NULL CHECK (prep_status IN ('not_started', 'notified', 'completed')),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (end_time >= start_time)
);
CREATE INDEX meeting_user_start_idx ON meeting (user_id, start_time, id);

-- Every status a meeting went through, in order, so the view can show its history.
CREATE TABLE meeting_status_history (
    id         BIGSERIAL PRIMARY KEY,
    meeting_id TEXT        NOT NULL REFERENCES meeting (id),
    status     TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    reason     TEXT        NOT NULL
);
CREATE INDEX meeting_status_history_meeting_idx ON meeting_status_history (meeting_id, id);

-- What other services reported about a meeting. Kept even when the meeting is not known yet (events of different
-- topics can overtake each other); the view joins them by meeting id.
CREATE TABLE meeting_prep_request (
    meeting_id      TEXT PRIMARY KEY,
    meeting_version BIGINT      NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE meeting_bot_status (
    meeting_id  TEXT        NOT NULL,
    bot_id      TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    transition  INT         NOT NULL,
    reason      TEXT,
    reported_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (meeting_id, bot_id)
);

-- The latest insight of each kind the view shows (prep materials, summary, action items, decisions).
CREATE TABLE meeting_insight (
    meeting_id   TEXT        NOT NULL,
    kind         TEXT        NOT NULL,
    insight_id   TEXT        NOT NULL,
    content      TEXT        NOT NULL,
    items        JSONB       NOT NULL DEFAULT '[]',
    engine       TEXT        NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (meeting_id, kind)
);
