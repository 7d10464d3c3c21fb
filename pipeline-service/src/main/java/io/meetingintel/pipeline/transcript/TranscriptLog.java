package io.meetingintel.pipeline.transcript;

import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.outbox.OutboxWriter;
import io.meetingintel.schemas.Topics;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ordered, deduplicated transcript of each meeting. A final segment is numbered, stored and queued as a
 * TranscriptChunk in one short transaction: either all three happen or none does.
 */
@Service
public class TranscriptLog {

    private final MeetingRepository meetings;
    private final SegmentRepository segments;
    private final OutboxWriter outbox;
    private final EventMetadataFactory metadata;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public TranscriptLog(MeetingRepository meetings, SegmentRepository segments, OutboxWriter outbox,
                         EventMetadataFactory metadata, TransactionTemplate transaction, Clock clock) {
        this.meetings = meetings;
        this.segments = segments;
        this.outbox = outbox;
        this.metadata = metadata;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param sessionId the transcript session the segment arrived in
     * @param segment   a final segment
     */
    public SegmentOutcome appendFinal(String meetingId, UUID sessionId, TranscriptSegment segment) {
        if (!segment.isFinal()) {
            throw new IllegalArgumentException("Drafts are not part of the transcript");
        }
        String chunkId = ChunkIds.of(meetingId, segment);
        return transaction.execute(status -> {
            var next = meetings.takeNextSequence(meetingId);
            if (!segments.insertIfNew(meetingId, next.sequence(), chunkId, sessionId, segment, clock.instant())) {
                status.setRollbackOnly(); // gives the sequence back
                return new SegmentOutcome.Duplicate(chunkId);
            }
            outbox.append(Topics.TRANSCRIPT_CHUNK, meetingId,
                    chunk(next.meeting(), sessionId, next.sequence(), chunkId, segment));
            return new SegmentOutcome.Accepted(next.sequence(), chunkId);
        });
    }

    private TranscriptChunk chunk(MeetingTranscript meeting, UUID sessionId, long sequence, String chunkId,
                                  TranscriptSegment segment) {
        if (meeting.userId() == null) {
            // The bot's handshake names the owner before any segment: this is a bug, not an input to publish.
            throw new IllegalStateException("Meeting " + meeting.meetingId() + " has no owner yet");
        }
        String correlationId = meeting.correlationId() != null ? meeting.correlationId() : meeting.meetingId();
        return TranscriptChunk.newBuilder()
                .setMetadata(metadata.create(meeting.userId(), correlationId))
                .setMeetingId(meeting.meetingId())
                .setSessionId(sessionId.toString())
                .setSequence(sequence)
                .setChunkId(chunkId)
                .setSpeaker(segment.speaker())
                .setText(segment.text())
                .setStartOffsetMs(segment.startMs())
                .setEndOffsetMs(segment.endMs())
                .setIsFinal(true)
                .setLanguage(segment.language())
                .build();
    }
}
