package io.meetingintel.pipeline.ingest;

import io.meetingintel.pipeline.transcript.TranscriptSegment;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON frames of the ingestion contract, with an error message a bot developer can act on. */
@Component
class IngestFrameParser {

    private final JsonMapper json;

    IngestFrameParser(JsonMapper json) {
        this.json = json;
    }

    IngestFrame parse(String payload) throws InvalidFrameException {
        JsonNode frame;
        try {
            frame = json.readTree(payload);
        } catch (JacksonException e) {
            throw new InvalidFrameException("malformed JSON: " + e.getOriginalMessage());
        }
        if (frame == null || !frame.isObject()) {
            throw new InvalidFrameException("a frame is a JSON object");
        }
        String type = string(frame, "type");
        if ("end".equals(type)) {
            return new IngestFrame.End();
        }
        if (!"segment".equals(type)) {
            throw new InvalidFrameException("type must be \"segment\" or \"end\"");
        }
        try {
            return new IngestFrame.Segment(new TranscriptSegment(chunkId(frame), string(frame, "speaker"),
                    string(frame, "text"), integer(frame, "startMs"), integer(frame, "endMs"),
                    bool(frame, "final"), string(frame, "language")));
        } catch (IllegalArgumentException e) {
            throw new InvalidFrameException(e.getMessage());
        }
    }

    /** Chunk ids are strings; numeric ids of sources that count their chunks are taken as their decimal text. */
    private static String chunkId(JsonNode frame) throws InvalidFrameException {
        JsonNode value = frame.get("chunkId");
        if (value != null && value.isIntegralNumber()) {
            return value.asString();
        }
        return string(frame, "chunkId");
    }

    private static String string(JsonNode frame, String field) throws InvalidFrameException {
        JsonNode value = frame.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidFrameException(field + " must be a string");
        }
        return value.stringValue();
    }

    private static long integer(JsonNode frame, String field) throws InvalidFrameException {
        JsonNode value = frame.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidFrameException(field + " must be an integer (milliseconds)");
        }
        return value.longValue();
    }

    private static boolean bool(JsonNode frame, String field) throws InvalidFrameException {
        JsonNode value = frame.get(field);
        if (value == null || !value.isBoolean()) {
            throw new InvalidFrameException(field + " must be true or false");
        }
        return value.booleanValue();
    }
}
