package io.meetingintel.pipeline.transcript;

/** A final segment as stored, in its meeting's order. */
public record StoredSegment(long sequence, String chunkId, String speaker, String text, long startMs, long endMs,
                            String language) {
}
