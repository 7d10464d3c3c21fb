package io.meetingintel.calendar.google;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Google connect is optional: what is missing is said plainly (the endpoints turn it into a 503 problem). */
class GoogleSetupTest {

    @Test
    void withoutClientOrKeyGoogleConnectIsRefusedSayingWhatIsMissing() {
        assertThatThrownBy(() -> new GoogleSetup(properties(null, "key")).requireReady())
                .isInstanceOf(GoogleNotConfiguredException.class).hasMessageContaining("GOOGLE_CLIENT_ID");
        assertThatThrownBy(() -> new GoogleSetup(properties("client", null)).requireReady())
                .isInstanceOf(GoogleNotConfiguredException.class).hasMessageContaining("CALENDAR_TOKEN_ENCRYPTION_KEY");
    }

    private static GoogleProperties properties(String clientId, String key) {
        return new GoogleProperties(clientId, clientId == null ? null : "secret", "https://x/cb", "https://api/",
                "https://token", "https://auth", "https://revoke", List.of("scope"), Duration.ofMinutes(10),
                Duration.ofMinutes(5), null, Duration.ofDays(7), Duration.ofHours(1), Duration.ofSeconds(10),
                new GoogleProperties.Retry(3, Duration.ofMillis(1), Duration.ofMillis(2)),
                new GoogleProperties.Http(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new GoogleProperties.TokenEncryption("k1", key == null ? null : "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                        null));
    }
}
