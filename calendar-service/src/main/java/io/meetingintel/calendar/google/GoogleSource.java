package io.meetingintel.calendar.google;

import io.meetingintel.calendar.connection.CalendarConnection;
import io.meetingintel.calendar.connection.SourceDisconnectedException;
import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.feed.FeedException;
import io.meetingintel.calendar.google.GoogleCalendarRepository.GoogleCalendar;
import io.meetingintel.calendar.sync.SourceAdapter;

import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Google calendars, synced the way Google recommends: one full listing (singleEvents, showDeleted, every page) that
 * yields a sync token, then incremental listings with it; 410 Gone starts over with a full listing. The listings
 * keep a local mirror current; the shared sync then diffs the mirror's horizon window against what was announced,
 * exactly like an ICS feed, so a full resync of an unchanged calendar announces nothing and meetings entering the
 * horizon are announced although Google reports no change for them.
 */
@Component
class GoogleSource implements SourceAdapter {

    private static final Logger log = LoggerFactory.getLogger(GoogleSource.class);

    private final GoogleApi api;
    private final GoogleAccess access;
    private final GoogleChannels channels;
    private final GoogleCalendarRepository calendars;
    private final GoogleEventRepository mirror;
    private final TransactionTemplate transaction;
    private final Clock clock;

    GoogleSource(GoogleApi api, GoogleAccess access, GoogleChannels channels, GoogleCalendarRepository calendars,
                 GoogleEventRepository mirror, TransactionTemplate transaction, Clock clock) {
        this.api = api;
        this.access = access;
        this.channels = channels;
        this.calendars = calendars;
        this.mirror = mirror;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public String source() {
        return CalendarConnection.SOURCE_GOOGLE;
    }

    @Override
    public List<CalendarEvent> read(CalendarConnection connection, Instant from, Instant to) {
        GoogleCalendar calendar = calendars.find(connection.id())
                .orElseThrow(() -> new FeedException("Google calendar state of " + connection.id() + " is missing"));
        try {
            String token = access.accessToken(calendar);
            try {
                updateMirror(calendar, token);
            } catch (GoogleApi.AccessTokenRejectedException e) {
                updateMirror(calendar, access.refresh(calendar));
            }
        } catch (GoogleAccessLostException | GoogleApi.AccessTokenRejectedException e) {
            transaction.executeWithoutResult(status -> access.forget(connection.id()));
            throw new SourceDisconnectedException(connection.id(), e.getMessage());
        }
        return mirror.window(connection.id(), from, to);
    }

    /** Revokes our grant at Google and closes the push channel; the rows go with the connection. */
    @Override
    public void release(CalendarConnection connection) {
        calendars.find(connection.id()).filter(GoogleCalendar::hasTokens).ifPresent(calendar -> {
            try {
                channels.close(calendar, access.accessToken(calendar));
            } catch (RuntimeException e) {
                log.warn("Could not stop the push channel of calendar connection {}: {}", connection.id(),
                        e.getMessage());
            }
            try {
                api.revoke(access.refreshToken(calendar));
                log.info("Revoked the Google grant of calendar connection {}", connection.id());
            } catch (RuntimeException e) {
                log.warn("Could not revoke the Google grant of calendar connection {} (tokens are deleted anyway): {}",
                        connection.id(), e.getMessage());
            }
            transaction.executeWithoutResult(status -> access.forget(connection.id()));
        });
    }

    private void updateMirror(GoogleCalendar calendar, String token) {
        if (calendar.syncToken() != null) {
            try {
                incremental(calendar, token);
                return;
            } catch (SyncTokenExpiredException e) {
                log.info("Google sync token of calendar connection {} expired (410); doing a full sync",
                        calendar.connectionId());
            }
        }
        full(calendar, token);
    }

    private void full(GoogleCalendar calendar, String token) {
        Listing listing = list(calendar, token, null);
        Instant now = clock.instant();
        List<GoogleEventMapper.Mapped> upcoming = listing.items().values().stream()
                .filter(mapped -> !mapped.removal() && mapped.occurrence().end().isAfter(now))
                .toList();
        transaction.executeWithoutResult(status -> {
            mirror.deleteAll(calendar.connectionId());
            mirror.upsert(calendar.connectionId(), upcoming);
            calendars.saveSyncToken(calendar.connectionId(), listing.nextSyncToken());
        });
        log.info("Full Google sync of calendar connection {}: {} items in {} pages, {} upcoming timed occurrences",
                calendar.connectionId(), listing.items().size(), listing.pages(), upcoming.size());
    }

    private void incremental(GoogleCalendar calendar, String token) {
        Listing listing = list(calendar, token, calendar.syncToken());
        Instant now = clock.instant();
        List<String> removed = listing.items().values().stream()
                .filter(mapped -> mapped.removal() || !mapped.occurrence().end().isAfter(now))
                .map(GoogleEventMapper.Mapped::eventId)
                .toList();
        List<GoogleEventMapper.Mapped> changed = listing.items().values().stream()
                .filter(mapped -> !mapped.removal() && mapped.occurrence().end().isAfter(now))
                .toList();
        transaction.executeWithoutResult(status -> {
            mirror.delete(calendar.connectionId(), removed);
            mirror.upsert(calendar.connectionId(), changed);
            mirror.deleteEnded(calendar.connectionId(), now);
            calendars.saveSyncToken(calendar.connectionId(), listing.nextSyncToken());
        });
        log.info("Incremental Google sync of calendar connection {}: {} changed, {} removed", calendar.connectionId(),
                changed.size(), removed.size());
    }

    /** @param items by event id, the last report of an id wins */
    private record Listing(Map<String, GoogleEventMapper.Mapped> items, String nextSyncToken, int pages) {
    }

    private Listing list(GoogleCalendar calendar, String token, String syncToken) {
        Map<String, GoogleEventMapper.Mapped> items = new LinkedHashMap<>();
        String pageToken = null;
        int pages = 0;
        while (true) {
            Events page = api.listEvents(token, calendar.calendarId(), syncToken, pageToken);
            pages++;
            if (page.getItems() != null) {
                for (Event event : page.getItems()) {
                    GoogleEventMapper.Mapped mapped = GoogleEventMapper.map(event);
                    items.remove(mapped.eventId());
                    items.put(mapped.eventId(), mapped);
                }
            }
            pageToken = page.getNextPageToken();
            if (pageToken == null) {
                if (page.getNextSyncToken() == null) {
                    throw new FeedException("Google's last events page carried no nextSyncToken");
                }
                return new Listing(items, page.getNextSyncToken(), pages);
            }
        }
    }
}
