package io.meetingintel.calendar.google;

import io.meetingintel.calendar.security.TokenCipher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Google connect can work here: an OAuth client and a token encryption key. Without them the rest of the
 * service runs as usual and only the Google endpoints refuse, saying what is missing.
 */
public class GoogleSetup {

    private static final Logger log = LoggerFactory.getLogger(GoogleSetup.class);

    private final GoogleProperties properties;
    private final TokenCipher cipher;

    /** @throws IllegalArgumentException when a configured key is malformed (a typo must not go unnoticed) */
    public GoogleSetup(GoogleProperties properties) {
        this.properties = properties;
        GoogleProperties.TokenEncryption encryption = properties.tokenEncryption();
        this.cipher = encryption.key() == null || encryption.key().isBlank() ? null
                : TokenCipher.of(encryption.keyId(), encryption.key(), encryption.oldKeys());
        String problem = problem();
        if (problem == null) {
            log.info("Google Calendar connect enabled (client {}, redirect {}, push {})", properties.clientId(),
                    properties.redirectUri(), properties.pushEnabled() ? properties.pushCallbackUrl() : "off: polling only");
        } else {
            log.info("Google Calendar connect disabled: {}", problem);
        }
    }

    /** @throws GoogleNotConfiguredException saying what is missing */
    public TokenCipher requireReady() {
        String problem = problem();
        if (problem != null) {
            throw new GoogleNotConfiguredException(problem);
        }
        return cipher;
    }

    private String problem() {
        if (!properties.clientConfigured()) {
            return "Google Calendar is not configured: set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET";
        }
        if (properties.redirectUri() == null || properties.redirectUri().isBlank()) {
            return "Google Calendar is not configured: set GOOGLE_REDIRECT_URI";
        }
        if (cipher == null) {
            return "Google Calendar is not configured: set CALENDAR_TOKEN_ENCRYPTION_KEY (base64 of 32 random bytes) "
                    + "so that tokens can be stored encrypted";
        }
        return null;
    }
}
