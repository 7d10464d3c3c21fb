package io.meetingintel.calendar.google;

import io.meetingintel.calendar.connection.CalendarConnection;
import io.meetingintel.calendar.connection.CalendarConnections;
import io.meetingintel.calendar.event.MeetingIds;
import io.meetingintel.platform.web.Problems;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Connecting a Google calendar with OAuth 2.0 (authorization code flow, offline access). The state handed out is
 * random, stored only as its hash, bound to the user, single-use and expiring; it is checked before the code is
 * exchanged, so a bad state costs nothing and stores nothing.
 */
@Service
public class GoogleConnect {

    private static final Logger log = LoggerFactory.getLogger(GoogleConnect.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration KEEP_EXPIRED_STATES = Duration.ofDays(1);
    private static final String PRIMARY = "primary";

    private final GoogleSetup setup;
    private final GoogleApi api;
    private final GoogleAccess access;
    private final GoogleChannels channels;
    private final OAuthStateRepository states;
    private final CalendarConnections connections;
    private final GoogleProperties properties;
    private final Clock clock;

    GoogleConnect(GoogleSetup setup, GoogleApi api, GoogleAccess access, GoogleChannels channels,
                  OAuthStateRepository states, CalendarConnections connections, GoogleProperties properties,
                  Clock clock) {
        this.setup = setup;
        this.api = api;
        this.access = access;
        this.channels = channels;
        this.states = states;
        this.connections = connections;
        this.properties = properties;
        this.clock = clock;
    }

    public record Authorization(String authorizationUrl, Instant expiresAt) {
    }

    /** @throws GoogleNotConfiguredException when Google connect is switched off */
    public Authorization start(String userId) {
        setup.requireReady();
        Instant now = clock.instant();
        states.deleteExpired(now.minus(KEEP_EXPIRED_STATES));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = now.plus(properties.stateTtl());
        states.insert(MeetingIds.sha256Hex(state), userId, now, expiresAt);
        log.info("User {} started connecting a Google calendar", userId);
        return new Authorization(api.authorizationUrl(state), expiresAt);
    }

    /**
     * Completes the connection: the primary calendar of the account is connected (or reconnected) and synced once.
     *
     * @param error set by Google when the user declined
     */
    public CalendarConnections.Connected complete(String userId, String code, String state, String error) {
        setup.requireReady();
        if (state == null || state.isBlank()
                || !states.consume(MeetingIds.sha256Hex(state), userId, clock.instant())) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "Invalid OAuth state",
                    "The authorization state is unknown, expired, already used or belongs to another user; "
                            + "start connecting again");
        }
        if (error != null && !error.isBlank()) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "Google authorization declined",
                    "Google reported '" + error + "': the calendar was not connected");
        }
        if (code == null || code.isBlank()) {
            throw Problems.badRequest("code is required");
        }
        GoogleTokens tokens;
        try {
            tokens = api.exchangeCode(code);
        } catch (GoogleAccessLostException e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, "Authorization code refused",
                    "Google refused the authorization code (invalid_grant); start connecting again");
        }
        Set<String> missing = new HashSet<>(properties.scopes());
        missing.removeAll(tokens.scopes());
        if (!tokens.scopes().isEmpty() && !missing.isEmpty()) {
            api.revoke(tokens.accessToken());
            throw Problems.of(HttpStatus.BAD_REQUEST, "Calendar access not granted",
                    "Read access to the calendar was not granted (missing " + String.join(", ", missing)
                            + "); connect again and allow calendar access");
        }
        if (tokens.refreshToken() == null) {
            throw Problems.of(HttpStatus.BAD_GATEWAY, "No refresh token",
                    "Google did not return a refresh token, so the calendar could not stay in sync; connect again");
        }
        GoogleApi.CalendarInfo calendar = api.calendar(tokens.accessToken(), PRIMARY);
        String name = calendar.summary() == null || calendar.summary().isBlank() ? calendar.id() : calendar.summary();
        CalendarConnections.Connected connected = connections.connectOrReconnect(userId, name,
                CalendarConnection.SOURCE_GOOGLE, "google:" + calendar.id(),
                connectionId -> access.store(connectionId, calendar.id(), tokens));
        try {
            channels.open(connected.connection().id());
        } catch (RuntimeException e) {
            log.warn("No push channel for calendar connection {} ({}); polling keeps it in sync",
                    connected.connection().id(), e.getMessage());
        }
        return connected;
    }
}
