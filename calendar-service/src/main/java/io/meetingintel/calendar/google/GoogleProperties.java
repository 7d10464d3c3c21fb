package io.meetingintel.calendar.google;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Google Calendar settings (application.yml maps each to its GOOGLE_* / CALENDAR_TOKEN_* environment variable).
 * Google is optional: without a client id and secret the Google endpoints answer "not configured".
 *
 * @param redirectUri        the OAuth callback registered in Google Cloud Console
 * @param pushCallbackUrl    public HTTPS URL of the notification endpoint; blank: no push channels, polling only
 * @param channelTtl         lifetime asked for a push channel (Google caps it)
 * @param channelRenewBefore a channel is replaced this long before it expires
 * @param pushDebounce       notifications within this time collapse into one sync
 * @param refreshBefore      an access token is refreshed when it expires within this time
 */
@ConfigurationProperties("calendar.google")
public record GoogleProperties(String clientId, String clientSecret, String redirectUri,
                               @DefaultValue("https://www.googleapis.com/") String apiRootUrl,
                               @DefaultValue("https://oauth2.googleapis.com/token") String tokenUri,
                               @DefaultValue("https://accounts.google.com/o/oauth2/v2/auth") String authUri,
                               @DefaultValue("https://oauth2.googleapis.com/revoke") String revokeUri,
                               @DefaultValue("https://www.googleapis.com/auth/calendar.readonly") List<String> scopes,
                               @DefaultValue("10m") Duration stateTtl, @DefaultValue("5m") Duration refreshBefore,
                               String pushCallbackUrl, @DefaultValue("7d") Duration channelTtl,
                               @DefaultValue("1h") Duration channelRenewBefore,
                               @DefaultValue("10s") Duration pushDebounce, @DefaultValue Retry retry,
                               @DefaultValue Http http, @DefaultValue TokenEncryption tokenEncryption) {

    /**
     * Rate limits (403 rateLimitExceeded, 429), 5xx and network errors are retried with exponential backoff and
     * jitter: delay n = min(maxDelay, initialDelay * 2^n) * random(0.5..1).
     */
    public record Retry(@DefaultValue("6") int maxAttempts, @DefaultValue("1s") Duration initialDelay,
                        @DefaultValue("32s") Duration maxDelay) {
    }

    public record Http(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout) {
    }

    /**
     * @param key     base64 of 32 random bytes (AES-256); blank: Google connect is disabled
     * @param oldKeys "id:base64,..." keys that only decrypt values written before a rotation
     */
    public record TokenEncryption(@DefaultValue("k1") String keyId, String key, String oldKeys) {
    }

    public boolean clientConfigured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    public boolean pushEnabled() {
        return pushCallbackUrl != null && !pushCallbackUrl.isBlank();
    }
}
