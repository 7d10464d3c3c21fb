package io.meetingintel.bot.provider.simulated;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of the bundled sample meeting, as a speech-to-text engine would produce it.
 *
 * @param chunkId null for the segment the sample sends without an id (the pipeline assigns one)
 * @param isFinal false for a draft (interim) hypothesis that the final segment with the same chunk id replaces
 */
record TranscriptSegment(String chunkId, String speaker, String text, long startMs, long endMs,
                         @JsonProperty("final") boolean isFinal, String language) {
}
