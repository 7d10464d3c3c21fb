package io.meetingintel.pipeline.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The transcript_session rows. At most one open session per (meeting, bot), enforced by a partial unique index. */
@Repository
public class SessionRepository {

    private static final String COLUMNS =
            "id, meeting_id, bot_id, user_id, opened_at, last_activity_at, closed_at, close_reason";

    private final JdbcTemplate jdbc;

    public SessionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a session unless the bot already has an open one for the meeting (the meeting row must exist). */
    public boolean openIfNone(UUID id, String meetingId, String botId, Instant now) {
        return jdbc.update("""
                INSERT INTO transcript_session (id, meeting_id, bot_id, user_id, opened_at, last_activity_at)
                SELECT ?, meeting_id, ?, user_id, ?, ? FROM meeting_transcript WHERE meeting_id = ?
                ON CONFLICT (meeting_id, bot_id) WHERE closed_at IS NULL DO NOTHING""",
                id, botId, ts(now), ts(now), meetingId) == 1;
    }

    public Optional<TranscriptSession> findOpen(String meetingId, String botId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM transcript_session "
                        + "WHERE meeting_id = ? AND bot_id = ? AND closed_at IS NULL", this::session, meetingId, botId)
                .stream().findFirst();
    }

    public void touch(UUID id, Instant at) {
        jdbc.update("UPDATE transcript_session SET last_activity_at = GREATEST(last_activity_at, ?) WHERE id = ?",
                ts(at), id);
    }

    /** Records the last activity of sessions whose bots are connected here, so the sweep leaves them open. */
    public void touchAll(Map<UUID, Instant> lastActivity) {
        jdbc.batchUpdate("UPDATE transcript_session SET last_activity_at = GREATEST(last_activity_at, ?) "
                        + "WHERE id = ? AND closed_at IS NULL",
                lastActivity.entrySet().stream().map(e -> new Object[] {ts(e.getValue()), e.getKey()}).toList());
    }

    public boolean close(UUID id, String reason, Instant now) {
        return jdbc.update("UPDATE transcript_session SET closed_at = ?, close_reason = ? "
                + "WHERE id = ? AND closed_at IS NULL", ts(now), reason, id) == 1;
    }

    public List<TranscriptSession> closeOpen(String meetingId, String botId, String reason, Instant now) {
        return jdbc.query("UPDATE transcript_session SET closed_at = ?, close_reason = ? "
                        + "WHERE meeting_id = ? AND bot_id = ? AND closed_at IS NULL RETURNING " + COLUMNS,
                this::session, ts(now), reason, meetingId, botId);
    }

    public List<TranscriptSession> closeInactiveSince(Instant cutoff, Instant now) {
        return jdbc.query("UPDATE transcript_session SET closed_at = ?, close_reason = ? "
                        + "WHERE closed_at IS NULL AND last_activity_at < ? RETURNING " + COLUMNS,
                this::session, ts(now), CloseReason.INACTIVITY, ts(cutoff));
    }

    /** Fills the owner into sessions opened before it was known. */
    public List<TranscriptSession> openSessions(long offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM transcript_session WHERE closed_at IS NULL "
                + "ORDER BY opened_at, id OFFSET ? LIMIT ?", this::session, offset, limit);
    }

    public long countOpen() {
        return jdbc.queryForObject("SELECT count(*) FROM transcript_session WHERE closed_at IS NULL", Long.class);
    }

    public SessionStatus statusOf(String meetingId) {
        return jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE closed_at IS NULL), count(*)
                FROM transcript_session WHERE meeting_id = ?""",
                (row, n) -> row.getLong(1) > 0 ? SessionStatus.OPEN
                        : row.getLong(2) > 0 ? SessionStatus.CLOSED : SessionStatus.NONE, meetingId);
    }

    private TranscriptSession session(ResultSet row, int n) throws SQLException {
        return new TranscriptSession(row.getObject("id", UUID.class), row.getString("meeting_id"),
                row.getString("bot_id"), row.getString("user_id"), instant(row, "opened_at"),
                instant(row, "last_activity_at"), instant(row, "closed_at"), row.getString("close_reason"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
