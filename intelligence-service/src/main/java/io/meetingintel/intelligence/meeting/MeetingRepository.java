package io.meetingintel.intelligence.meeting;

import io.meetingintel.intelligence.engine.MeetingFacts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Meetings as this service knows them: owner, prep facts, recording start and the running-notes counter. */
@Repository
public class MeetingRepository {

    private static final Logger log = LoggerFactory.getLogger(MeetingRepository.class);
    private static final TypeReference<List<MeetingFacts.Person>> PEOPLE = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public MeetingRepository(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Registers the meeting. Its owner is the first non-blank user id an event names: a blank one never becomes the
     * owner, and later events do not change it.
     */
    public void ensure(String meetingId, String userId) {
        String named = userId == null || userId.isBlank() ? null : userId;
        String owner = jdbc.queryForObject("""
                INSERT INTO meeting (meeting_id, user_id) VALUES (?, ?)
                ON CONFLICT (meeting_id) DO UPDATE SET user_id = COALESCE(meeting.user_id, EXCLUDED.user_id)
                RETURNING user_id""", String.class, meetingId, named);
        if (named != null && !named.equals(owner)) {
            log.warn("Meeting {} belongs to {} but an event names user {}; keeping the first owner", meetingId, owner,
                    named);
        }
    }

    /** Empty while no event named a user for the meeting. */
    public Optional<String> ownerOf(String meetingId) {
        return jdbc.query("SELECT user_id FROM meeting WHERE meeting_id = ? AND user_id IS NOT NULL",
                (rows, index) -> rows.getString(1), meetingId).stream().findFirst();
    }

    public void recordRecordingStart(String meetingId, Instant startedAt) {
        jdbc.update("UPDATE meeting SET recording_started = ? WHERE meeting_id = ? AND recording_started IS NULL",
                Timestamp.from(startedAt), meetingId);
    }

    /** What a MeetingRequiresPrep tells about the meeting (the latest one wins). */
    public void recordPrepFacts(String meetingId, String title, String description, String meetingType,
                                List<MeetingFacts.Person> attendees, Instant start) {
        jdbc.update("UPDATE meeting SET title = ?, description = ?, meeting_type = ?, attendees = ?::jsonb, "
                        + "scheduled_start = ? WHERE meeting_id = ?", title, description, meetingType,
                json.writeValueAsString(attendees), Timestamp.from(start), meetingId);
    }

    /** Counts a newly stored final chunk; returns how many were stored since the last running notes. */
    public int countChunkSinceNotes(String meetingId) {
        return jdbc.queryForObject("UPDATE meeting SET chunks_since_notes = chunks_since_notes + 1 "
                + "WHERE meeting_id = ? RETURNING chunks_since_notes", Integer.class, meetingId);
    }

    public void resetChunksSinceNotes(String meetingId) {
        jdbc.update("UPDATE meeting SET chunks_since_notes = 0 WHERE meeting_id = ?", meetingId);
    }

    /** The meeting's facts; dated by its scheduled start, else its recording start, else today. */
    public MeetingFacts facts(String meetingId) {
        return jdbc.queryForObject("SELECT title, description, meeting_type, attendees::text, scheduled_start, "
                + "recording_started FROM meeting WHERE meeting_id = ?", (rows, index) -> {
                    Timestamp scheduled = rows.getTimestamp("scheduled_start");
                    Timestamp recorded = rows.getTimestamp("recording_started");
                    Instant start = scheduled != null ? scheduled.toInstant()
                            : recorded != null ? recorded.toInstant() : null;
                    return new MeetingFacts(meetingId, rows.getString("title"), rows.getString("meeting_type"),
                            rows.getString("description"), json.readValue(rows.getString(4), PEOPLE), start,
                            MeetingFacts.dateOf(start != null ? start : clock.instant()));
                }, meetingId);
    }
}
