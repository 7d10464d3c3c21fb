package io.meetingintel.pipeline.transcript;

/**
 * One segment of speech as a bot reports it. The constructor enforces the rules every stored or published segment
 * obeys, so an invalid one cannot exist.
 *
 * @param chunkId  the source's id of the segment, or null when it sent none
 * @param speaker  who spoke, or null when the source does not know
 * @param isFinal  false for a draft (interim hypothesis) a later final segment replaces
 * @param language BCP 47 tag, or null
 */
public record TranscriptSegment(String chunkId, String speaker, String text, long startMs, long endMs,
                                boolean isFinal, String language) {

    public static final int MAX_CHUNK_ID_LENGTH = 200;
    public static final int MAX_SPEAKER_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 20_000;
    public static final int MAX_LANGUAGE_LENGTH = 35;

    public TranscriptSegment {
        chunkId = optional("chunkId", chunkId, MAX_CHUNK_ID_LENGTH);
        speaker = optional("speaker", speaker, MAX_SPEAKER_LENGTH);
        language = optional("language", language, MAX_LANGUAGE_LENGTH);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (startMs < 0) {
            throw new IllegalArgumentException("startMs must be >= 0");
        }
        if (endMs < startMs) {
            throw new IllegalArgumentException("endMs must be >= startMs");
        }
    }

    /** Absent and blank mean the same; present values are trimmed and bounded. */
    private static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }
}
