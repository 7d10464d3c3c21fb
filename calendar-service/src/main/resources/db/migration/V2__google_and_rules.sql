-- A connection can be disconnected by its source (e.g. Google access revoked): it stays visible with the reason.
ALTER TABLE calendar_connection ADD COLUMN status TEXT NOT NULL DEFAULT 'CONNECTED';
ALTER TABLE calendar_connection ADD COLUMN disconnected_reason TEXT;

-- Ids of the occurrence in its source when the source has its own (Google: event id, recurringEventId).
ALTER TABLE synced_meeting ADD COLUMN external_event_id TEXT;
ALTER TABLE synced_meeting ADD COLUMN recurring_event_id TEXT;

-- OAuth 'state' values handed out by the connect endpoint: bound to the user, single-use, expiring. Only the
-- SHA-256 of the value is stored.
CREATE TABLE google_oauth_state (
    state_hash TEXT PRIMARY KEY,
    user_id    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- The Google side of a Google connection: tokens (AES-GCM encrypted, with the id of the key), the incremental sync
-- token and the push notification channel.
CREATE TABLE google_calendar (
    connection_id        TEXT PRIMARY KEY REFERENCES calendar_connection (id) ON DELETE CASCADE,
    calendar_id          TEXT        NOT NULL,
    key_id               TEXT,
    access_token         TEXT,
    refresh_token        TEXT,
    access_expires_at    TIMESTAMPTZ,
    scopes               TEXT,
    sync_token           TEXT,
    channel_id           TEXT UNIQUE,
    channel_token_hash   TEXT,
    channel_resource_id  TEXT,
    channel_expires_at   TIMESTAMPTZ
);

-- The local mirror of a Google calendar's timed, not cancelled occurrences (full sync replaces it, incremental sync
-- patches it); every sync diffs its horizon window against synced_meeting like an ICS feed.
CREATE TABLE google_event (
    connection_id      TEXT        NOT NULL REFERENCES calendar_connection (id) ON DELETE CASCADE,
    event_id           TEXT        NOT NULL,
    recurring_event_id TEXT,
    start_time         TIMESTAMPTZ NOT NULL,
    end_time           TIMESTAMPTZ NOT NULL,
    event              JSONB       NOT NULL,
    PRIMARY KEY (connection_id, event_id)
);
CREATE INDEX google_event_window ON google_event (connection_id, start_time);
CREATE INDEX google_event_series ON google_event (connection_id, recurring_event_id);

-- A user's own meeting type rules, checked before the bundled defaults, in position order.
CREATE TABLE classification_rule (
    id                TEXT PRIMARY KEY,
    user_id           TEXT        NOT NULL,
    position          INT         NOT NULL,
    meeting_type      TEXT        NOT NULL,
    keywords          JSONB       NOT NULL,
    min_attendees     INT,
    max_attendees     INT,
    prep_hours_before INT         NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX classification_rule_user ON classification_rule (user_id, position, id);
