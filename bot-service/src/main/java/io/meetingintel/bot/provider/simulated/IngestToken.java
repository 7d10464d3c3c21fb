package io.meetingintel.bot.provider.simulated;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token a bot presents to the pipeline's ingestion WebSocket:
 * base64url without padding of HMAC-SHA256(key = BOT_INGEST_SECRET, message = botId + ":" + meetingId).
 */
public final class IngestToken {

    private IngestToken() {
    }

    public static String of(String secret, String botId, String meetingId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((botId + ":" + meetingId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
