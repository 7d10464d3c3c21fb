package io.meetingintel.pipeline.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The pipeline's answer to each frame, serialised as JSON with a {@code type} field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IngestReply(String type, Long sequence, String chunkId, String message) {

    /** A new final segment, stored under this sequence. */
    static IngestReply ack(long sequence, String chunkId) {
        return new IngestReply("ack", sequence, chunkId, null);
    }

    /** The meeting already has this chunk; nothing changed. */
    static IngestReply duplicate(String chunkId) {
        return new IngestReply("duplicate", null, chunkId, null);
    }

    /** A draft, passed on to live captions only. */
    static IngestReply draft() {
        return new IngestReply("draft", null, null, null);
    }

    /** The frame was not accepted; the socket stays open. */
    static IngestReply error(String message) {
        return new IngestReply("error", null, null, message);
    }
}
