package io.meetingintel.intelligence.transcript;

import io.meetingintel.events.EventMetadata;
import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.intelligence.meeting.MeetingRepository;
import io.meetingintel.platform.consumer.InvalidEventException;
import io.meetingintel.platform.metadata.EventMetadataFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Stores final transcript chunks once per (meeting, sequence) and triggers running notes. */
@Component
public class ChunkIntake {

    private static final Logger log = LoggerFactory.getLogger(ChunkIntake.class);

    private final MeetingRepository meetings;
    private final TranscriptRepository transcripts;
    private final RunningNotes runningNotes;

    public ChunkIntake(MeetingRepository meetings, TranscriptRepository transcripts, RunningNotes runningNotes) {
        this.meetings = meetings;
        this.transcripts = transcripts;
        this.runningNotes = runningNotes;
    }

    /** Runs inside the inbox transaction of the event. */
    public void accept(TranscriptChunk chunk) {
        if (chunk.getMeetingId().isBlank() || chunk.getSequence() < 1) {
            throw new InvalidEventException("TranscriptChunk needs a meeting id and a sequence >= 1, got meeting '"
                    + chunk.getMeetingId() + "' sequence " + chunk.getSequence());
        }
        if (!chunk.getIsFinal()) {
            // Drafts are superseded by the final chunk of the same segment; only finals make the transcript.
            log.debug("Ignoring draft chunk {} of meeting {}", chunk.getChunkId(), chunk.getMeetingId());
            return;
        }
        EventMetadata metadata = EventMetadataFactory.metadataOf(chunk);
        meetings.ensure(chunk.getMeetingId(), metadata.getUserId());
        meetings.recordRecordingStart(chunk.getMeetingId(),
                metadata.getOccurredAt().minusMillis(chunk.getStartOffsetMs()));
        if (!transcripts.insert(chunk)) {
            log.debug("Chunk {} of meeting {} is already stored", chunk.getSequence(), chunk.getMeetingId());
            return;
        }
        runningNotes.chunkStored(chunk.getMeetingId(), metadata.getCorrelationId());
    }
}
