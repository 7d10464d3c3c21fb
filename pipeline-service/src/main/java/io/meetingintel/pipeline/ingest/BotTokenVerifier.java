package io.meetingintel.pipeline.ingest;

import io.meetingintel.pipeline.config.PipelineProperties;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The per-bot ingestion token of the cross-service contract:
 * {@code base64url(HMAC-SHA256(key = BOT_INGEST_SECRET, message = botId + ":" + meetingId))}, unpadded (a padded
 * token is accepted too). A token only admits its own bot into its own meeting.
 */
@Component
public class BotTokenVerifier {

    private static final Logger log = LoggerFactory.getLogger(BotTokenVerifier.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public BotTokenVerifier(PipelineProperties properties) {
        String secret = properties.ingest().secret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("BOT_INGEST_SECRET must not be empty");
        }
        if (PipelineProperties.DEFAULT_INGEST_SECRET.equals(secret)) {
            log.warn("BOT_INGEST_SECRET is the development default: set it before exposing the ingestion endpoint");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String tokenFor(String botId, String meetingId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] signature = mac.doFinal((botId + ":" + meetingId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison, so the response time tells nothing about how much of a guess was right. */
    public boolean verify(String botId, String meetingId, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        String unpadded = presented.replaceAll("=+$", "");
        return MessageDigest.isEqual(tokenFor(botId, meetingId).getBytes(StandardCharsets.US_ASCII),
                unpadded.getBytes(StandardCharsets.US_ASCII));
    }
}
