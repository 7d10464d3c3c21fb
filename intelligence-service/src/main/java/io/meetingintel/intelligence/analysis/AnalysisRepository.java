package io.meetingintel.intelligence.analysis;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Post-meeting analyses: requested once per meeting, completed in the transaction that publishes the insights.
 * Times are the database's, like the chunks' arrival times they are compared with.
 */
@Repository
class AnalysisRepository {

    private final JdbcTemplate jdbc;

    AnalysisRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** State of a requested analysis. {@code untilDeadline} is negative once the maximum wait has passed. */
    record Request(String correlationId, boolean completed, Duration untilDeadline) {
    }

    /** @return false when the meeting's analysis was requested before */
    boolean insert(String meetingId, String correlationId, Duration maxWait) {
        return jdbc.update("INSERT INTO post_meeting_analysis (meeting_id, correlation_id, requested_at, run_by) "
                + "VALUES (?, ?, clock_timestamp(), clock_timestamp() + ? * interval '1 millisecond') "
                + "ON CONFLICT DO NOTHING", meetingId, correlationId, maxWait.toMillis()) == 1;
    }

    Optional<Request> find(String meetingId) {
        return jdbc.query("SELECT correlation_id, completed_at IS NOT NULL AS completed, "
                        + "(extract(epoch FROM run_by - clock_timestamp()) * 1000)::bigint AS until_deadline_ms "
                        + "FROM post_meeting_analysis WHERE meeting_id = ?",
                (rows, index) -> new Request(rows.getString("correlation_id"), rows.getBoolean("completed"),
                        Duration.ofMillis(rows.getLong("until_deadline_ms"))), meetingId).stream().findFirst();
    }

    /** @return false when another run completed it first (the caller must then publish nothing) */
    boolean complete(String meetingId) {
        return jdbc.update("UPDATE post_meeting_analysis SET completed_at = clock_timestamp() "
                + "WHERE meeting_id = ? AND completed_at IS NULL", meetingId) == 1;
    }
}
