package io.meetingintel.meeting.lifecycle;

import io.meetingintel.meeting.domain.Meeting;
import io.meetingintel.meeting.domain.MeetingDetails;
import io.meetingintel.meeting.domain.MeetingStatus;
import io.meetingintel.meeting.domain.Participant;
import io.meetingintel.meeting.domain.PrepStatus;
import io.meetingintel.meeting.domain.StatusChange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Meetings and their status history in this service's own database. */
@Repository
public class MeetingRepository {

    private static final TypeReference<List<Participant>> PARTICIPANTS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, user_id, version, title, description, location, start_time, end_time, "
            + "organizer, attendees, conference_url, conference_platform, meeting_type, prep_hours_before, "
            + "prep_trigger_at, status, prep_status";

    private static final String FILTER = "user_id = :userId"
            + " AND (CAST(:status AS TEXT) IS NULL OR status = :status)"
            + " AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR start_time >= :from)"
            + " AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR start_time < :to)"
            + " AND (CAST(:type AS TEXT) IS NULL OR meeting_type = :type)";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<Meeting> meetingRows;

    public MeetingRepository(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.meetingRows = this::meeting;
    }

    /** The meeting, locked until the transaction ends so events and jobs of one meeting apply one at a time. */
    public Optional<Meeting> findForUpdate(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM meeting WHERE id = :id FOR UPDATE",
                new MapSqlParameterSource("id", id), meetingRows).stream().findFirst();
    }

    public Optional<Meeting> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM meeting WHERE id = :id",
                new MapSqlParameterSource("id", id), meetingRows).stream().findFirst();
    }

    public Optional<Meeting> findOwnedBy(String userId, String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM meeting WHERE id = :id AND user_id = :userId",
                new MapSqlParameterSource("id", id).addValue("userId", userId), meetingRows).stream().findFirst();
    }

    /** One page of a user's meetings ordered by start time, and how many match in total. */
    public List<Meeting> findOwnedBy(String userId, MeetingFilter filter, long offset, int limit) {
        var parameters = filterParameters(userId, filter).addValue("offset", offset).addValue("limit", limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM meeting WHERE " + FILTER
                + " ORDER BY start_time, id OFFSET :offset LIMIT :limit", parameters, meetingRows);
    }

    public long countOwnedBy(String userId, MeetingFilter filter) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM meeting WHERE " + FILTER,
                filterParameters(userId, filter), Long.class);
        return count == null ? 0 : count;
    }

    private static MapSqlParameterSource filterParameters(String userId, MeetingFilter filter) {
        return new MapSqlParameterSource("userId", userId)
                .addValue("status", filter.status() == null ? null : filter.status().code())
                .addValue("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .addValue("to", filter.to() == null ? null : Timestamp.from(filter.to()))
                .addValue("type", filter.meetingType());
    }

    public void insert(MeetingDetails details, MeetingStatus status, PrepStatus prepStatus) {
        jdbc.update("INSERT INTO meeting (" + COLUMNS + ") VALUES (:id, :userId, :version, :title, :description, "
                + ":location, :start, :end, CAST(:organizer AS JSONB), CAST(:attendees AS JSONB), :conferenceUrl, "
                + ":conferencePlatform, :meetingType, :prepHoursBefore, :prepTriggerAt, :status, :prepStatus)",
                detailParameters(details).addValue("status", status.code()).addValue("prepStatus", prepStatus.code()));
    }

    public void updateDetails(MeetingDetails details) {
        jdbc.update("UPDATE meeting SET user_id = :userId, version = :version, title = :title, "
                + "description = :description, location = :location, start_time = :start, end_time = :end, "
                + "organizer = CAST(:organizer AS JSONB), attendees = CAST(:attendees AS JSONB), "
                + "conference_url = :conferenceUrl, conference_platform = :conferencePlatform, "
                + "meeting_type = :meetingType, prep_hours_before = :prepHoursBefore, "
                + "prep_trigger_at = :prepTriggerAt, updated_at = now() WHERE id = :id", detailParameters(details));
    }

    /** Sets the status and appends it to the meeting's history. */
    public void changeStatus(String id, MeetingStatus status, Instant at, String reason) {
        var parameters = new MapSqlParameterSource("id", id).addValue("status", status.code())
                .addValue("at", Timestamp.from(at)).addValue("reason", reason);
        jdbc.update("UPDATE meeting SET status = :status, updated_at = now() WHERE id = :id", parameters);
        jdbc.update("INSERT INTO meeting_status_history (meeting_id, status, changed_at, reason) "
                + "VALUES (:id, :status, :at, :reason)", parameters);
    }

    /** The statuses a meeting went through, oldest first. */
    public List<StatusChange> statusHistory(String id) {
        return jdbc.query("SELECT status, changed_at, reason FROM meeting_status_history WHERE meeting_id = :id "
                + "ORDER BY id", new MapSqlParameterSource("id", id), (row, number) -> new StatusChange(
                MeetingStatus.fromCode(row.getString("status")), row.getTimestamp("changed_at").toInstant(),
                row.getString("reason")));
    }

    public void changePrepStatus(String id, PrepStatus prepStatus) {
        jdbc.update("UPDATE meeting SET prep_status = :prepStatus, updated_at = now() WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("prepStatus", prepStatus.code()));
    }

    private MapSqlParameterSource detailParameters(MeetingDetails details) {
        return new MapSqlParameterSource("id", details.id())
                .addValue("userId", details.userId())
                .addValue("version", details.version())
                .addValue("title", details.title())
                .addValue("description", details.description())
                .addValue("location", details.location())
                .addValue("start", Timestamp.from(details.startTime()))
                .addValue("end", Timestamp.from(details.endTime()))
                .addValue("organizer", details.organizer() == null ? null : json.writeValueAsString(details.organizer()))
                .addValue("attendees", json.writeValueAsString(details.attendees()))
                .addValue("conferenceUrl", details.conferenceUrl())
                .addValue("conferencePlatform", details.conferencePlatform())
                .addValue("meetingType", details.meetingType())
                .addValue("prepHoursBefore", details.prepHoursBefore())
                .addValue("prepTriggerAt", Timestamp.from(details.prepTriggerAt()));
    }

    private Meeting meeting(ResultSet row, int rowNumber) throws SQLException {
        String organizer = row.getString("organizer");
        var details = new MeetingDetails(
                row.getString("id"),
                row.getString("user_id"),
                row.getLong("version"),
                row.getString("title"),
                row.getString("description"),
                row.getString("location"),
                row.getTimestamp("start_time").toInstant(),
                row.getTimestamp("end_time").toInstant(),
                organizer == null ? null : json.readValue(organizer, Participant.class),
                json.readValue(row.getString("attendees"), PARTICIPANTS),
                row.getString("conference_url"),
                row.getString("conference_platform"),
                row.getString("meeting_type"),
                row.getInt("prep_hours_before"),
                row.getTimestamp("prep_trigger_at").toInstant());
        return new Meeting(details, MeetingStatus.fromCode(row.getString("status")),
                PrepStatus.fromCode(row.getString("prep_status")));
    }
}
