package io.meetingintel.pipeline.ingest;

import io.meetingintel.pipeline.transcript.TranscriptSegment;

/** A text frame a bot sends on its ingestion socket. */
sealed interface IngestFrame {

    /** {"type":"segment", ...}: a draft or final piece of transcript. */
    record Segment(TranscriptSegment segment) implements IngestFrame {
    }

    /** {"type":"end"}: the bot leaves; its session closes. */
    record End() implements IngestFrame {
    }
}
