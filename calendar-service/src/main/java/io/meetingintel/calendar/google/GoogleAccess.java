package io.meetingintel.calendar.google;

import io.meetingintel.calendar.google.GoogleCalendarRepository.GoogleCalendar;
import io.meetingintel.calendar.security.TokenCipher;
import io.meetingintel.platform.scheduling.PersistentJobs;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A Google connection's tokens: sealed at rest, handed out as a valid access token (refreshed shortly before it
 * expires), forgotten when access is lost. The associated data binds each sealed value to its connection and role.
 */
@Component
class GoogleAccess {

    private static final Logger log = LoggerFactory.getLogger(GoogleAccess.class);

    private final GoogleSetup setup;
    private final GoogleApi api;
    private final GoogleCalendarRepository calendars;
    private final PersistentJobs jobs;
    private final Clock clock;
    private final Duration refreshBefore;

    GoogleAccess(GoogleSetup setup, GoogleApi api, GoogleCalendarRepository calendars, PersistentJobs jobs,
                 Clock clock, GoogleProperties properties) {
        this.setup = setup;
        this.api = api;
        this.calendars = calendars;
        this.jobs = jobs;
        this.clock = clock;
        this.refreshBefore = properties.refreshBefore();
    }

    /** Stores the tokens of a freshly authorized calendar (inside the caller's transaction). */
    void store(String connectionId, String calendarId, GoogleTokens tokens) {
        TokenCipher cipher = setup.requireReady();
        calendars.saveConnected(connectionId, calendarId, cipher.encrypt(tokens.accessToken(), aad(connectionId, "access")),
                cipher.encrypt(tokens.refreshToken(), aad(connectionId, "refresh")), tokens.accessExpiresAt(),
                String.join(" ", tokens.scopes()));
    }

    /** @throws GoogleAccessLostException when there are no tokens or the refresh is refused */
    String accessToken(GoogleCalendar calendar) {
        if (!calendar.hasTokens()) {
            throw new GoogleAccessLostException("No Google tokens are stored; connect the calendar again");
        }
        if (calendar.accessExpiresAt().isAfter(clock.instant().plus(refreshBefore))) {
            return setup.requireReady().decrypt(new TokenCipher.Sealed(calendar.keyId(), calendar.accessToken()),
                    aad(calendar.connectionId(), "access"));
        }
        return refresh(calendar);
    }

    /** Gets a new access token now (it expires soon, or Google rejected it). */
    String refresh(GoogleCalendar calendar) {
        TokenCipher cipher = setup.requireReady();
        String connectionId = calendar.connectionId();
        String refreshToken = refreshToken(calendar);
        GoogleTokens tokens = api.refresh(refreshToken);
        String keptRefreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : refreshToken;
        calendars.saveTokens(connectionId, cipher.encrypt(tokens.accessToken(), aad(connectionId, "access")),
                cipher.encrypt(keptRefreshToken, aad(connectionId, "refresh")), tokens.accessExpiresAt());
        log.info("Refreshed the Google access token of calendar connection {} (valid until {})", connectionId,
                tokens.accessExpiresAt());
        return tokens.accessToken();
    }

    String refreshToken(GoogleCalendar calendar) {
        return setup.requireReady().decrypt(new TokenCipher.Sealed(calendar.keyId(), calendar.refreshToken()),
                aad(calendar.connectionId(), "refresh"));
    }

    /** Access is gone: tokens deleted, push channel jobs stopped; polling stops with the connection. */
    void forget(String connectionId) {
        calendars.deleteTokens(connectionId);
        jobs.cancel(GoogleChannels.RENEW_TASK, connectionId);
        jobs.cancel(GoogleChannels.SYNC_SOON_TASK, connectionId);
    }

    private static String aad(String connectionId, String role) {
        return connectionId + ":" + role;
    }
}
