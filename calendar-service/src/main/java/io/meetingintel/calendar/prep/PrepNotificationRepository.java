package io.meetingintel.calendar.prep;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which meeting versions MeetingRequiresPrep was already published for. */
@Repository
public class PrepNotificationRepository {

    private final JdbcTemplate jdbc;

    public PrepNotificationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this version was already notified */
    public boolean recordFired(String meetingId, long version, Instant at) {
        return jdbc.update("INSERT INTO prep_notification (meeting_id, meeting_version, fired_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", meetingId, version, Timestamp.from(at)) == 1;
    }
}
