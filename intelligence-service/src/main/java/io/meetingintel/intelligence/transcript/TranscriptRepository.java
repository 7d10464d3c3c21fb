package io.meetingintel.intelligence.transcript;

import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.intelligence.engine.TranscriptLine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Final transcript chunks, one row per (meeting, sequence). */
@Repository
public class TranscriptRepository {

    private static final String LINE_COLUMNS = "sequence, speaker, text, start_offset_ms, end_offset_ms";

    private final JdbcTemplate jdbc;

    public TranscriptRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the meeting already has a chunk with this sequence (a re-published chunk) */
    public boolean insert(TranscriptChunk chunk) {
        return jdbc.update("INSERT INTO transcript_chunk (meeting_id, sequence, chunk_id, session_id, speaker, text, "
                        + "start_offset_ms, end_offset_ms, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", chunk.getMeetingId(), chunk.getSequence(), chunk.getChunkId(),
                chunk.getSessionId(), chunk.getSpeaker(), chunk.getText(), chunk.getStartOffsetMs(),
                chunk.getEndOffsetMs(), chunk.getLanguage()) == 1;
    }

    public List<TranscriptLine> all(String meetingId) {
        return jdbc.query("SELECT " + LINE_COLUMNS + " FROM transcript_chunk WHERE meeting_id = ? ORDER BY sequence",
                TranscriptRepository::line, meetingId);
    }

    /** The latest {@code size} chunks, in order. */
    public List<TranscriptLine> latest(String meetingId, int size) {
        return jdbc.query("SELECT * FROM (SELECT " + LINE_COLUMNS + " FROM transcript_chunk WHERE meeting_id = ? "
                + "ORDER BY sequence DESC LIMIT ?) latest ORDER BY sequence", TranscriptRepository::line, meetingId, size);
    }

    /** How long ago (database clock) the meeting's last chunk arrived here, if any did. */
    public Optional<Duration> sinceLastChunk(String meetingId) {
        Long millis = jdbc.queryForObject("SELECT (extract(epoch FROM clock_timestamp() - max(received_at)) * 1000)"
                + "::bigint FROM transcript_chunk WHERE meeting_id = ?", Long.class, meetingId);
        return Optional.ofNullable(millis).map(Duration::ofMillis);
    }

    private static TranscriptLine line(ResultSet rows, int index) throws SQLException {
        return new TranscriptLine(rows.getLong("sequence"), rows.getString("speaker"), rows.getString("text"),
                rows.getLong("start_offset_ms"), rows.getLong("end_offset_ms"));
    }
}
