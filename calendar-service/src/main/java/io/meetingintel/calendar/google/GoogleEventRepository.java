package io.meetingintel.calendar.google;

import io.meetingintel.calendar.event.CalendarEvent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The local mirror of each Google calendar's upcoming timed occurrences. */
@Repository
class GoogleEventRepository {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    GoogleEventRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Occurrences overlapping [from, to), by start. */
    List<CalendarEvent> window(String connectionId, Instant from, Instant to) {
        return jdbc.query("SELECT event FROM google_event WHERE connection_id = ? AND end_time > ? AND start_time < ? "
                        + "ORDER BY start_time, event_id", (rs, n) -> json.readValue(rs.getString(1), CalendarEvent.class),
                connectionId, Timestamp.from(from), Timestamp.from(to));
    }

    void deleteAll(String connectionId) {
        jdbc.update("DELETE FROM google_event WHERE connection_id = ?", connectionId);
    }

    /** Drops the items and, for a cancelled recurring event, all its instances. */
    void delete(String connectionId, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        String[] ids = eventIds.toArray(String[]::new);
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("DELETE FROM google_event WHERE connection_id = ? "
                    + "AND (event_id = ANY (?) OR recurring_event_id = ANY (?))");
            statement.setString(1, connectionId);
            statement.setArray(2, connection.createArrayOf("text", ids));
            statement.setArray(3, connection.createArrayOf("text", ids));
            return statement;
        });
    }

    void upsert(String connectionId, List<GoogleEventMapper.Mapped> occurrences) {
        for (int from = 0; from < occurrences.size(); from += BATCH) {
            List<Object[]> rows = occurrences.subList(from, Math.min(occurrences.size(), from + BATCH)).stream()
                    .map(mapped -> new Object[] {connectionId, mapped.eventId(), mapped.recurringEventId(),
                            Timestamp.from(mapped.occurrence().start()), Timestamp.from(mapped.occurrence().end()),
                            json.writeValueAsString(mapped.occurrence())})
                    .toList();
            jdbc.batchUpdate("INSERT INTO google_event (connection_id, event_id, recurring_event_id, start_time, "
                    + "end_time, event) VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (connection_id, event_id) DO UPDATE "
                    + "SET recurring_event_id = EXCLUDED.recurring_event_id, start_time = EXCLUDED.start_time, "
                    + "end_time = EXCLUDED.end_time, event = EXCLUDED.event", rows);
        }
    }

    /** Occurrences that ended are of no use any more. */
    void deleteEnded(String connectionId, Instant now) {
        jdbc.update("DELETE FROM google_event WHERE connection_id = ? AND end_time <= ?", connectionId,
                Timestamp.from(now));
    }
}
