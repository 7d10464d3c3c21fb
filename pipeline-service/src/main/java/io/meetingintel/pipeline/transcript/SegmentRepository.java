package io.meetingintel.pipeline.transcript;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The transcript_segment rows: final segments in meeting order, one per (meeting, chunk id). */
@Repository
public class SegmentRepository {

    private final JdbcTemplate jdbc;

    public SegmentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the meeting already has a segment with this chunk id (nothing inserted) */
    public boolean insertIfNew(String meetingId, long sequence, String chunkId, UUID sessionId,
                               TranscriptSegment segment, Instant receivedAt) {
        return jdbc.update("""
                INSERT INTO transcript_segment (meeting_id, sequence, chunk_id, session_id, speaker, text, start_ms,
                                                end_ms, language, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT transcript_segment_chunk_once DO NOTHING""",
                meetingId, sequence, chunkId, sessionId, segment.speaker(), segment.text(), segment.startMs(),
                segment.endMs(), segment.language(), Timestamp.from(receivedAt)) == 1;
    }

    public List<StoredSegment> page(String meetingId, long afterSequence, int limit) {
        return jdbc.query("""
                SELECT sequence, chunk_id, speaker, text, start_ms, end_ms, language FROM transcript_segment
                WHERE meeting_id = ? AND sequence > ? ORDER BY sequence LIMIT ?""",
                (row, n) -> new StoredSegment(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getLong(5), row.getLong(6), row.getString(7)),
                meetingId, afterSequence, limit);
    }
}
