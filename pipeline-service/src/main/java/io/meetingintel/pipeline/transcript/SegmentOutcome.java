package io.meetingintel.pipeline.transcript;

/** What became of a final segment handed to the {@link TranscriptLog}. */
public sealed interface SegmentOutcome {

    String chunkId();

    /** Stored under the next sequence of its meeting and queued as a TranscriptChunk. */
    record Accepted(long sequence, String chunkId) implements SegmentOutcome {
    }

    /** The meeting already has a segment with this chunk id; nothing changed. */
    record Duplicate(String chunkId) implements SegmentOutcome {
    }
}
