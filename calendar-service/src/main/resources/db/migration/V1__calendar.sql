-- Calendar connections of users (an ICS feed for now) with the outcome of their last sync.
CREATE TABLE calendar_connection (
    id              TEXT PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    source          TEXT        NOT NULL,
    url             TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    last_sync_at    TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    last_error      TEXT,
    last_created    INT         NOT NULL DEFAULT 0,
    last_updated    INT         NOT NULL DEFAULT 0,
    last_cancelled  INT         NOT NULL DEFAULT 0,
    last_unchanged  INT         NOT NULL DEFAULT 0,
    -- Creating the same feed twice returns the existing connection.
    CONSTRAINT calendar_connection_user_url UNIQUE (user_id, url)
);
CREATE INDEX calendar_connection_user ON calendar_connection (user_id, created_at, id);

-- The last synced state of every occurrence: change detection compares content_hash, version counts the emitted
-- MeetingDiscovered events of the meeting.
CREATE TABLE synced_meeting (
    meeting_id          TEXT PRIMARY KEY,
    connection_id       TEXT        NOT NULL REFERENCES calendar_connection (id) ON DELETE CASCADE,
    user_id             TEXT        NOT NULL,
    ical_uid            TEXT        NOT NULL,
    recurrence_id       TEXT,
    title               TEXT        NOT NULL,
    description         TEXT,
    location            TEXT,
    start_time          TIMESTAMPTZ NOT NULL,
    end_time            TIMESTAMPTZ NOT NULL,
    organizer           JSONB,
    attendees           JSONB       NOT NULL,
    conference_url      TEXT,
    conference_platform TEXT,
    meeting_type        TEXT        NOT NULL,
    prep_hours_before   INT         NOT NULL,
    cancelled           BOOLEAN     NOT NULL,
    content_hash        TEXT        NOT NULL,
    version             BIGINT      NOT NULL,
    correlation_id      TEXT        NOT NULL,
    synced_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX synced_meeting_connection ON synced_meeting (connection_id);
CREATE INDEX synced_meeting_user_start ON synced_meeting (user_id, start_time, meeting_id);

-- MeetingRequiresPrep already published, at most once per meeting version.
CREATE TABLE prep_notification (
    meeting_id      TEXT        NOT NULL,
    meeting_version BIGINT      NOT NULL,
    fired_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (meeting_id, meeting_version)
);
