package io.meetingintel.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The credential a meeting bot presents to the pipeline's ingestion WebSocket: base64url, unpadded, of
 * HMAC-SHA256(key = BOT_INGEST_SECRET, message = botId + ":" + meetingId + ":" + userId). It binds one bot to one
 * meeting of one user; bot-service signs it, pipeline-service verifies it in constant time.
 */
public final class BotIngestTokens {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public BotIngestTokens(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("BOT_INGEST_SECRET must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String sign(String botId, String meetingId, String userId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] signature = mac.doFinal((botId + ":" + meetingId + ":" + userId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time: the response time tells nothing about how much of a guess was right. Padding is tolerated. */
    public boolean verify(String botId, String meetingId, String userId, String presented) {
        if (presented == null || presented.isEmpty() || userId == null || userId.isBlank()) {
            return false;
        }
        String unpadded = presented.replaceAll("=+$", "");
        return MessageDigest.isEqual(sign(botId, meetingId, userId).getBytes(StandardCharsets.US_ASCII),
                unpadded.getBytes(StandardCharsets.US_ASCII));
    }
}
