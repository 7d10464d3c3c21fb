package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.classify.Classification;
import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.event.ConferenceLink;
import io.meetingintel.calendar.event.Participant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class SyncedMeetingRepository {

    private static final TypeReference<List<Participant>> PARTICIPANTS = new TypeReference<>() {
    };
    private static final String COLUMNS = "meeting_id, connection_id, user_id, ical_uid, recurrence_id, title, "
            + "description, location, start_time, end_time, organizer, attendees, conference_url, conference_platform, "
            + "meeting_type, prep_hours_before, cancelled, content_hash, version, correlation_id, external_event_id, "
            + "recurring_event_id";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<SyncedMeeting> row = this::map;

    public SyncedMeetingRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Map<String, SyncedMeeting> findByConnection(String connectionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM synced_meeting WHERE connection_id = ?", row, connectionId)
                .stream().collect(Collectors.toMap(SyncedMeeting::meetingId, Function.identity()));
    }

    /** Locks the row until the transaction ends (a prep job and a sync of the same meeting never interleave). */
    public Optional<SyncedMeeting> lock(String meetingId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM synced_meeting WHERE meeting_id = ? FOR UPDATE", row, meetingId)
                .stream().findFirst();
    }

    /** Meetings of a user starting in [from, to), by start time. */
    public List<SyncedMeeting> findPage(String userId, Instant from, Instant to, long offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM synced_meeting WHERE user_id = ? AND start_time >= ? "
                        + "AND start_time < ? ORDER BY start_time, meeting_id OFFSET ? LIMIT ?", row, userId,
                Timestamp.from(from), Timestamp.from(to), offset, limit);
    }

    public long count(String userId, Instant from, Instant to) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM synced_meeting WHERE user_id = ? AND start_time >= ? "
                + "AND start_time < ?", Long.class, userId, Timestamp.from(from), Timestamp.from(to));
        return count == null ? 0 : count;
    }

    /** Meetings of the connection that are not cancelled and have not ended yet. */
    public long countActive(String connectionId, Instant now) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM synced_meeting WHERE connection_id = ? "
                + "AND NOT cancelled AND end_time > ?", Long.class, connectionId, Timestamp.from(now));
        return count == null ? 0 : count;
    }

    public void insert(SyncedMeeting meeting, Instant syncedAt) {
        CalendarEvent event = meeting.event();
        jdbc.update("INSERT INTO synced_meeting (" + COLUMNS + ", synced_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                meeting.meetingId(), meeting.connectionId(), meeting.userId(), event.uid(), event.recurrenceId(),
                event.title(), event.description(), event.location(), Timestamp.from(event.start()),
                Timestamp.from(event.end()), toJson(event.organizer()), toJson(event.attendees()),
                conferenceUrl(event), conferencePlatform(event), meeting.classification().meetingType(),
                meeting.classification().prepHoursBefore(), event.cancelled(), meeting.contentHash(), meeting.version(),
                meeting.correlationId(), sourceEventId(event), sourceRecurringEventId(event), Timestamp.from(syncedAt));
    }

    public void update(SyncedMeeting meeting, Instant syncedAt) {
        CalendarEvent event = meeting.event();
        jdbc.update("UPDATE synced_meeting SET title = ?, description = ?, location = ?, start_time = ?, end_time = ?, "
                        + "organizer = ?::jsonb, attendees = ?::jsonb, conference_url = ?, conference_platform = ?, "
                        + "meeting_type = ?, prep_hours_before = ?, cancelled = ?, content_hash = ?, version = ?, "
                        + "correlation_id = ?, external_event_id = ?, recurring_event_id = ?, synced_at = ? "
                        + "WHERE meeting_id = ?",
                event.title(), event.description(), event.location(), Timestamp.from(event.start()),
                Timestamp.from(event.end()), toJson(event.organizer()), toJson(event.attendees()),
                conferenceUrl(event), conferencePlatform(event), meeting.classification().meetingType(),
                meeting.classification().prepHoursBefore(), event.cancelled(), meeting.contentHash(), meeting.version(),
                meeting.correlationId(), sourceEventId(event), sourceRecurringEventId(event), Timestamp.from(syncedAt),
                meeting.meetingId());
    }

    private SyncedMeeting map(ResultSet rs, int rowNumber) throws SQLException {
        String conferenceUrl = rs.getString("conference_url");
        ConferenceLink conference = conferenceUrl == null ? null
                : new ConferenceLink(conferenceUrl, ConferenceLink.Platform.valueOf(rs.getString("conference_platform")));
        String organizer = rs.getString("organizer");
        String externalEventId = rs.getString("external_event_id");
        CalendarEvent event = new CalendarEvent(rs.getString("ical_uid"), rs.getString("recurrence_id"),
                rs.getString("title"), rs.getString("description"), rs.getString("location"),
                rs.getTimestamp("start_time").toInstant(), rs.getTimestamp("end_time").toInstant(),
                organizer == null ? null : json.readValue(organizer, Participant.class),
                json.readValue(rs.getString("attendees"), PARTICIPANTS), conference, rs.getBoolean("cancelled"),
                externalEventId == null ? null
                        : new CalendarEvent.SourceIds(externalEventId, rs.getString("recurring_event_id")));
        return new SyncedMeeting(rs.getString("meeting_id"), rs.getString("connection_id"), rs.getString("user_id"),
                event, new Classification(rs.getString("meeting_type"), rs.getInt("prep_hours_before")),
                rs.getString("content_hash"), rs.getLong("version"), rs.getString("correlation_id"));
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static String sourceEventId(CalendarEvent event) {
        return event.sourceIds() == null ? null : event.sourceIds().eventId();
    }

    private static String sourceRecurringEventId(CalendarEvent event) {
        return event.sourceIds() == null ? null : event.sourceIds().recurringEventId();
    }

    private static String conferenceUrl(CalendarEvent event) {
        return event.conference() == null ? null : event.conference().url();
    }

    private static String conferencePlatform(CalendarEvent event) {
        return event.conference() == null ? null : event.conference().platform().name();
    }
}
