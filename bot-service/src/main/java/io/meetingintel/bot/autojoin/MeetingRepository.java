package io.meetingintel.bot.autojoin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Calendar meetings as auto-join knows them (newest MeetingDiscovered version per meeting). */
@Repository
class MeetingRepository {

    private final NamedParameterJdbcTemplate jdbc;

    MeetingRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the meeting unless a version at least as new is stored already.
     *
     * @return the stored meeting (with its auto-join bot, if any), or empty when this version is stale
     */
    public Optional<CalendarMeeting> storeIfNewer(CalendarMeeting meeting, Instant now) {
        List<String> autoJoinBot = jdbc.query("""
                INSERT INTO meeting (meeting_id, user_id, version, title, start_time, end_time, conference_url,
                                     cancelled, correlation_id, updated_at)
                VALUES (:meetingId, :userId, :version, :title, :start, :end, :url, :cancelled, :correlationId, :now)
                ON CONFLICT (meeting_id) DO UPDATE SET user_id = EXCLUDED.user_id, version = EXCLUDED.version,
                    title = EXCLUDED.title, start_time = EXCLUDED.start_time, end_time = EXCLUDED.end_time,
                    conference_url = EXCLUDED.conference_url, cancelled = EXCLUDED.cancelled,
                    correlation_id = EXCLUDED.correlation_id, updated_at = EXCLUDED.updated_at
                WHERE meeting.version < EXCLUDED.version
                RETURNING auto_join_bot_id""", new MapSqlParameterSource()
                .addValue("meetingId", meeting.meetingId())
                .addValue("userId", meeting.userId())
                .addValue("version", meeting.version())
                .addValue("title", meeting.title())
                .addValue("start", Timestamp.from(meeting.startTime()))
                .addValue("end", Timestamp.from(meeting.endTime()))
                .addValue("url", meeting.conferenceUrl())
                .addValue("cancelled", meeting.cancelled())
                .addValue("correlationId", meeting.correlationId())
                .addValue("now", Timestamp.from(now)), (rs, row) -> rs.getString("auto_join_bot_id"));
        if (autoJoinBot.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CalendarMeeting(meeting.meetingId(), meeting.userId(), meeting.version(),
                meeting.title(), meeting.startTime(), meeting.endTime(), meeting.conferenceUrl(), meeting.cancelled(),
                meeting.correlationId(), autoJoinBot.getFirst()));
    }

    /** Loads the meeting and locks it until the transaction ends. */
    public Optional<CalendarMeeting> lock(String meetingId) {
        return jdbc.query("SELECT * FROM meeting WHERE meeting_id = :meetingId FOR UPDATE",
                Map.of("meetingId", meetingId), MeetingRepository::row).stream().findFirst();
    }

    public void recordAutoJoinBot(String meetingId, String botId) {
        jdbc.update("UPDATE meeting SET auto_join_bot_id = :botId WHERE meeting_id = :meetingId",
                Map.of("meetingId", meetingId, "botId", botId));
    }

    private static CalendarMeeting row(ResultSet rs, int rowNumber) throws SQLException {
        return new CalendarMeeting(rs.getString("meeting_id"), rs.getString("user_id"), rs.getLong("version"),
                rs.getString("title"), instant(rs, "start_time"), instant(rs, "end_time"),
                rs.getString("conference_url"), rs.getBoolean("cancelled"), rs.getString("correlation_id"),
                rs.getString("auto_join_bot_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
