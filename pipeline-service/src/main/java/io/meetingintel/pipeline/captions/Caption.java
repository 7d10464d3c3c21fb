package io.meetingintel.pipeline.captions;

import io.meetingintel.pipeline.transcript.TranscriptSegment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A live caption as pushed to listeners: {@code {"type":"caption","meetingId":..,"final":true|false,
 * "sequence":N (finals only),"chunkId":.. (finals, and drafts that carry one),"speaker","text","startMs","endMs",
 * "language"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Caption(String type, String meetingId, @JsonProperty("final") boolean isFinal, Long sequence,
                      String chunkId, String speaker, String text, long startMs, long endMs, String language) {

    public static Caption draft(String meetingId, TranscriptSegment segment) {
        return new Caption("caption", meetingId, false, null, segment.chunkId(), segment.speaker(), segment.text(),
                segment.startMs(), segment.endMs(), segment.language());
    }

    public static Caption finalSegment(String meetingId, long sequence, String chunkId, TranscriptSegment segment) {
        return new Caption("caption", meetingId, true, sequence, chunkId, segment.speaker(), segment.text(),
                segment.startMs(), segment.endMs(), segment.language());
    }
}
