package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.CalendarProperties;
import io.meetingintel.calendar.classify.Classification;
import io.meetingintel.calendar.classify.MeetingClassifier;
import io.meetingintel.calendar.connection.CalendarConnection;
import io.meetingintel.calendar.connection.CalendarConnectionRepository;
import io.meetingintel.calendar.connection.ConnectionNotFoundException;
import io.meetingintel.calendar.connection.SyncCounts;
import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.event.MeetingIds;
import io.meetingintel.calendar.feed.FeedException;
import io.meetingintel.calendar.feed.FeedFetcher;
import io.meetingintel.calendar.feed.IcsParser;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs one calendar connection: reads its feed, compares every occurrence within the horizon with what was stored
 * and records only new, changed and cancelled ones (an occurrence that disappeared from the feed counts as
 * cancelled). A second sync of an unchanged feed records nothing.
 */
@Service
public class CalendarSync {

    /** The recurring sync job of each connection (instance id = connection id). */
    public static final TaskDescriptor<String> TASK = TaskDescriptor.of("calendar-sync", String.class);

    private static final Logger log = LoggerFactory.getLogger(CalendarSync.class);

    private final CalendarConnectionRepository connections;
    private final SyncedMeetingRepository meetings;
    private final MeetingChanges changes;
    private final FeedFetcher fetcher;
    private final IcsParser parser;
    private final MeetingClassifier classifier;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration horizon;

    public CalendarSync(CalendarConnectionRepository connections, SyncedMeetingRepository meetings,
                        MeetingChanges changes, FeedFetcher fetcher, IcsParser parser, MeetingClassifier classifier,
                        TransactionTemplate transaction, Clock clock, CalendarProperties properties) {
        this.connections = connections;
        this.meetings = meetings;
        this.changes = changes;
        this.fetcher = fetcher;
        this.parser = parser;
        this.classifier = classifier;
        this.transaction = transaction;
        this.clock = clock;
        this.horizon = properties.sync().horizon();
    }

    /**
     * @throws ConnectionNotFoundException when the connection was deleted
     * @throws FeedException               when the feed cannot be read (recorded as the connection's last error)
     */
    public SyncResult sync(String connectionId) {
        CalendarConnection connection = connections.find(connectionId)
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
        Instant now = clock.instant();
        List<CalendarEvent> feed;
        try {
            feed = parser.parse(new ByteArrayInputStream(fetcher.fetch(connection.url())), now, now.plus(horizon));
        } catch (FeedException e) {
            transaction.executeWithoutResult(status -> connections.recordFailure(connectionId, now, e.getMessage()));
            log.warn("Sync of calendar connection {} (user {}) failed: {}", connectionId, connection.userId(),
                    e.getMessage());
            throw e;
        }
        SyncResult result = transaction.execute(status -> apply(connectionId, feed, now));
        SyncCounts counts = result.counts();
        log.info("Synced calendar connection {} (user {}): {} occurrences in the next {}, {} created, {} updated, "
                        + "{} cancelled, {} unchanged", connectionId, connection.userId(), feed.size(), horizon,
                counts.created(), counts.updated(), counts.cancelled(), counts.unchanged());
        return result;
    }

    /** @return false when the connection no longer exists (its job should stop) */
    boolean syncOnSchedule(String connectionId) {
        try {
            sync(connectionId);
        } catch (ConnectionNotFoundException e) {
            log.info("Calendar connection {} is gone; its sync job stops", connectionId);
            return false;
        } catch (FeedException e) {
            // Already recorded and logged; the next scheduled run tries again.
        }
        return true;
    }

    /** Cancels the meetings of a connection that have not started yet (the connection goes away). */
    public int cancelUpcoming(CalendarConnection connection, Instant now) {
        String correlationId = UUID.randomUUID().toString();
        int cancelled = 0;
        for (SyncedMeeting meeting : meetings.findByConnection(connection.id()).values()) {
            if (!meeting.cancelled() && meeting.event().start().isAfter(now)) {
                changes.cancelled(connection, meeting, meeting.event(), correlationId, now);
                cancelled++;
            }
        }
        return cancelled;
    }

    private SyncResult apply(String connectionId, List<CalendarEvent> feed, Instant now) {
        CalendarConnection connection = connections.lock(connectionId)
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
        Map<String, SyncedMeeting> stored = meetings.findByConnection(connectionId);
        String correlationId = UUID.randomUUID().toString();
        Set<String> inFeed = new HashSet<>();
        int created = 0;
        int updated = 0;
        int cancelled = 0;
        int unchanged = 0;
        for (CalendarEvent event : feed) {
            String meetingId = MeetingIds.of(connectionId, event);
            if (!inFeed.add(meetingId)) {
                continue; // the same UID twice in one feed: the first one counts
            }
            Classification classification = classifier.classify(event);
            SyncedMeeting previous = stored.get(meetingId);
            if (previous == null) {
                if (!event.cancelled()) { // a cancellation of something never announced tells nobody anything
                    changes.created(connection, event, classification, correlationId, now);
                    created++;
                }
            } else if (previous.contentHash().equals(ContentHash.of(event, classification))) {
                unchanged++;
            } else if (event.cancelled() && previous.cancelled()) {
                changes.refreshedWhileCancelled(previous, event, classification, now);
                unchanged++;
            } else if (event.cancelled()) {
                changes.cancelled(connection, previous, event, correlationId, now);
                cancelled++;
            } else {
                changes.updated(connection, previous, event, classification, correlationId, now);
                updated++;
            }
        }
        Instant horizonEnd = now.plus(horizon);
        for (SyncedMeeting previous : stored.values()) {
            boolean inWindow = previous.event().end().isAfter(now) && previous.event().start().isBefore(horizonEnd);
            if (inWindow && !previous.cancelled() && !inFeed.contains(previous.meetingId())) {
                changes.cancelled(connection, previous, previous.event(), correlationId, now);
                cancelled++;
            }
        }
        SyncCounts counts = new SyncCounts(created, updated, cancelled, unchanged);
        connections.recordSuccess(connectionId, now, counts);
        return new SyncResult(connectionId, counts, now);
    }
}
