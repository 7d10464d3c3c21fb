package io.meetingintel.intelligence.engine;

/** One final transcript chunk. */
public record TranscriptLine(long sequence, String speaker, String text, long startOffsetMs, long endOffsetMs) {

    /** Speaker label for display; chunks without a speaker are attributed to "Unknown". */
    public String speakerOrUnknown() {
        return speaker == null || speaker.isBlank() ? "Unknown" : speaker;
    }
}
