package io.meetingintel.calendar.google;

import io.meetingintel.calendar.connection.CalendarConnectionRepository;
import io.meetingintel.calendar.event.MeetingIds;
import io.meetingintel.calendar.feed.FeedException;
import io.meetingintel.calendar.google.GoogleCalendarRepository.GoogleCalendar;
import io.meetingintel.calendar.sync.CalendarSync;
import io.meetingintel.platform.scheduling.PersistentJobs;

import com.google.api.services.calendar.model.Channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Push notification channels: one per Google calendar, opened at connect, replaced before they expire, verified by a
 * secret channel token (only its hash is stored). A notification only asks for a sync soon; polling stays the
 * backstop for lost notifications and for deployments without a public HTTPS callback.
 */
@Component
class GoogleChannels {

    static final String SYNC_SOON_TASK = "google-sync-soon";
    static final String RENEW_TASK = "google-channel-renewal";

    private static final Logger log = LoggerFactory.getLogger(GoogleChannels.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration RETRY_RENEWAL = Duration.ofMinutes(10);

    private final GoogleProperties properties;
    private final GoogleApi api;
    private final GoogleAccess access;
    private final GoogleCalendarRepository calendars;
    private final CalendarConnectionRepository connections;
    private final ObjectProvider<CalendarSync> sync;
    private final PersistentJobs jobs;
    private final TransactionTemplate transaction;
    private final Clock clock;

    GoogleChannels(GoogleProperties properties, GoogleApi api, GoogleAccess access,
                   GoogleCalendarRepository calendars, CalendarConnectionRepository connections,
                   ObjectProvider<CalendarSync> sync, PersistentJobs jobs, TransactionTemplate transaction,
                   Clock clock) {
        this.properties = properties;
        this.api = api;
        this.access = access;
        this.calendars = calendars;
        this.connections = connections;
        this.sync = sync;
        this.jobs = jobs;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a notification led to. */
    enum Outcome { UNKNOWN_CHANNEL, WRONG_TOKEN, IGNORED, SYNC_SCHEDULED }

    /**
     * Opens a new channel for the calendar (closing the previous one); without a push callback URL nothing happens.
     * Failures are logged: polling keeps the calendar in sync anyway.
     */
    void open(String connectionId) {
        if (!properties.pushEnabled()) {
            return;
        }
        Optional<GoogleCalendar> found = calendars.find(connectionId).filter(GoogleCalendar::hasTokens);
        if (found.isEmpty()) {
            return;
        }
        GoogleCalendar calendar = found.get();
        String accessToken = access.accessToken(calendar);
        String channelToken = randomToken();
        Instant requested = clock.instant().plus(properties.channelTtl());
        Channel opened = api.watch(accessToken, calendar.calendarId(), UUID.randomUUID().toString(), channelToken,
                requested);
        Instant expires = opened.getExpiration() == null ? requested : Instant.ofEpochMilli(opened.getExpiration());
        Instant renewAt = expires.minus(properties.channelRenewBefore());
        transaction.executeWithoutResult(status -> {
            calendars.saveChannel(connectionId, new GoogleCalendarRepository.Channel(opened.getId(),
                    hash(channelToken), opened.getResourceId(), expires));
            jobs.scheduleOrMove(RENEW_TASK, connectionId, renewAt.isAfter(clock.instant()) ? renewAt : clock.instant());
        });
        log.info("Opened Google push channel {} for calendar connection {} (expires {})", opened.getId(), connectionId,
                expires);
        if (calendar.channelId() != null) {
            close(calendar, accessToken);
        }
    }

    /** The renewal job: a new channel before the old one expires; a later retry when Google is unavailable. */
    void renew(String connectionId) {
        try {
            open(connectionId);
        } catch (GoogleAccessLostException | GoogleApi.AccessTokenRejectedException e) {
            connections.find(connectionId).ifPresent(connection -> {
                transaction.executeWithoutResult(status -> access.forget(connectionId));
                sync.getObject().markDisconnected(connection, e.getMessage());
            });
        } catch (FeedException e) {
            log.warn("Renewing the push channel of calendar connection {} failed ({}); retrying in {}", connectionId,
                    e.getMessage(), RETRY_RENEWAL);
            jobs.scheduleOrMove(RENEW_TASK, connectionId, clock.instant().plus(RETRY_RENEWAL));
        }
    }

    /** Stops the calendar's current channel at Google (best effort: an unknown channel simply expires). */
    void close(GoogleCalendar calendar, String accessToken) {
        if (calendar.channelId() == null) {
            return;
        }
        try {
            api.stopChannel(accessToken, calendar.channelId(), calendar.channelResourceId());
        } catch (RuntimeException e) {
            log.info("Stopping Google push channel {} failed ({}); it expires on its own", calendar.channelId(),
                    e.getMessage());
        }
    }

    /**
     * Handles one notification (X-Goog-* headers). The first message of a channel ({@code sync}) only confirms it;
     * {@code exists}/{@code not_exists} schedule one sync within the debounce time however many arrive.
     */
    Outcome onNotification(String channelId, String channelToken, String resourceState) {
        Optional<GoogleCalendar> found = channelId == null ? Optional.empty() : calendars.findByChannel(channelId);
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_CHANNEL;
        }
        GoogleCalendar calendar = found.get();
        if (channelToken == null || !MessageDigest.isEqual(hash(channelToken).getBytes(StandardCharsets.UTF_8),
                calendar.channelTokenHash().getBytes(StandardCharsets.UTF_8))) {
            return Outcome.WRONG_TOKEN;
        }
        if (!"exists".equals(resourceState) && !"not_exists".equals(resourceState)) {
            return Outcome.IGNORED;
        }
        boolean scheduled = jobs.scheduleIfAbsent(SYNC_SOON_TASK, calendar.connectionId(),
                clock.instant().plus(properties.pushDebounce()));
        log.debug("Push notification for calendar connection {}: sync {}", calendar.connectionId(),
                scheduled ? "scheduled" : "already pending");
        return Outcome.SYNC_SCHEDULED;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        return MeetingIds.sha256Hex(token);
    }
}
