package io.meetingintel.pipeline.transcript;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The meeting_transcript rows: owner, correlation id and the per-meeting sequence counter. */
@Repository
public class MeetingRepository {

    private final JdbcTemplate jdbc;

    public MeetingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Remembers the owner and correlation id of a meeting: the first non-blank ones seen stay, later ones never
     * replace them. Returns the owner now stored (null while still unknown).
     */
    public String recordOwner(String meetingId, String userId, String correlationId) {
        return jdbc.queryForObject("""
                INSERT INTO meeting_transcript (meeting_id, user_id, correlation_id) VALUES (?, ?, ?)
                ON CONFLICT (meeting_id) DO UPDATE
                   SET user_id = COALESCE(meeting_transcript.user_id, EXCLUDED.user_id),
                       correlation_id = COALESCE(meeting_transcript.correlation_id, EXCLUDED.correlation_id)
                RETURNING user_id""", String.class, meetingId, blankToNull(userId), blankToNull(correlationId));
    }

    public Optional<MeetingTranscript> find(String meetingId) {
        return jdbc.query("SELECT meeting_id, user_id, correlation_id FROM meeting_transcript WHERE meeting_id = ?",
                (row, n) -> new MeetingTranscript(row.getString(1), row.getString(2), row.getString(3)), meetingId)
                .stream().findFirst();
    }

    /**
     * Takes the next sequence of the meeting. The row stays locked until the caller's transaction ends, which
     * serialises concurrent writers of one meeting and makes a rolled-back segment give its number back.
     */
    public NextSequence takeNextSequence(String meetingId) {
        return jdbc.queryForObject("""
                INSERT INTO meeting_transcript (meeting_id, last_sequence) VALUES (?, 1)
                ON CONFLICT (meeting_id) DO UPDATE SET last_sequence = meeting_transcript.last_sequence + 1
                RETURNING last_sequence, user_id, correlation_id""",
                (row, n) -> new NextSequence(row.getLong(1), new MeetingTranscript(meetingId, row.getString(2),
                        row.getString(3))), meetingId);
    }

    public record NextSequence(long sequence, MeetingTranscript meeting) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
