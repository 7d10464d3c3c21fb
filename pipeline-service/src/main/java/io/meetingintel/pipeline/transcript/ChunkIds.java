package io.meetingintel.pipeline.transcript;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Chunk ids for segments whose source sent none (seed 002: such segments used to be dropped). The id is derived from
 * the content, so a bot resending the same segment produces the same id and the duplicate is still recognised.
 */
public final class ChunkIds {

    public static final String GENERATED_PREFIX = "gen-";

    private ChunkIds() {
    }

    public static String of(String meetingId, TranscriptSegment segment) {
        return segment.chunkId() != null ? segment.chunkId() : generated(meetingId, segment);
    }

    static String generated(String meetingId, TranscriptSegment segment) {
        String identity = String.join("\u0000", meetingId, Long.toString(segment.startMs()),
                segment.speaker() == null ? "" : segment.speaker(), segment.text());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return GENERATED_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
