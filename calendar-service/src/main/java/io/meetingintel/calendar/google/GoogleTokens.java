package io.meetingintel.calendar.google;

import java.time.Instant;
import java.util.Set;

/**
 * Tokens from Google's token endpoint. toString never shows them: they must not reach a log.
 *
 * @param refreshToken null when Google did not send a new one (a refresh keeps the old one)
 */
public record GoogleTokens(String accessToken, String refreshToken, Instant accessExpiresAt, Set<String> scopes) {

    @Override
    public String toString() {
        return "GoogleTokens[expires " + accessExpiresAt + ", scopes " + scopes + "]";
    }
}
