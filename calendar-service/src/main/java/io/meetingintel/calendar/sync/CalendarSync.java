package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.CalendarProperties;
import io.meetingintel.calendar.classify.Classification;
import io.meetingintel.calendar.classify.MeetingClassifier;
import io.meetingintel.calendar.rules.UserRules;
import io.meetingintel.calendar.connection.CalendarConnection;
import io.meetingintel.calendar.connection.CalendarConnectionRepository;
import io.meetingintel.calendar.connection.ConnectionNotFoundException;
import io.meetingintel.calendar.connection.SourceDisconnectedException;
import io.meetingintel.calendar.connection.SyncCounts;
import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.event.MeetingIds;
import io.meetingintel.calendar.feed.FeedException;
import io.meetingintel.platform.scheduling.PersistentJobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs one calendar connection of any source: reads its occurrences, compares every occurrence within the horizon with what was stored
 * and records only new, changed and cancelled ones (an occurrence that disappeared from the feed counts as
 * cancelled). A second sync of an unchanged feed records nothing.
 */
@Service
public class CalendarSync {

    /** The recurring sync job of each connection (instance id = connection id). */
    public static final String TASK = "calendar-sync";

    private static final Logger log = LoggerFactory.getLogger(CalendarSync.class);

    private final CalendarConnectionRepository connections;
    private final SyncedMeetingRepository meetings;
    private final MeetingChanges changes;
    private final Map<String, SourceAdapter> sources;
    private final UserRules rules;
    private final PersistentJobs jobs;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration horizon;

    public CalendarSync(CalendarConnectionRepository connections, SyncedMeetingRepository meetings,
                        MeetingChanges changes, List<SourceAdapter> sources, UserRules rules, PersistentJobs jobs,
                        TransactionTemplate transaction, Clock clock, CalendarProperties properties) {
        this.connections = connections;
        this.meetings = meetings;
        this.changes = changes;
        this.sources = sources.stream().collect(Collectors.toMap(SourceAdapter::source, Function.identity()));
        this.rules = rules;
        this.jobs = jobs;
        this.transaction = transaction;
        this.clock = clock;
        this.horizon = properties.sync().horizon();
    }

    public SourceAdapter sourceOf(CalendarConnection connection) {
        SourceAdapter source = sources.get(connection.source());
        if (source == null) {
            throw new IllegalStateException("No adapter for calendar source " + connection.source());
        }
        return source;
    }

    /**
     * @throws ConnectionNotFoundException when the connection was deleted
     * @throws FeedException               when the source cannot be read (recorded as the connection's last error)
     * @throws SourceDisconnectedException when the source withdrew access, now (then the connection is marked
     *                                     disconnected and its upcoming meetings are cancelled) or earlier
     */
    public SyncResult sync(String connectionId) {
        CalendarConnection connection = connections.find(connectionId)
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
        if (connection.disconnected()) {
            throw new SourceDisconnectedException(connectionId, connection.disconnectedReason());
        }
        Instant now = clock.instant();
        List<CalendarEvent> feed;
        try {
            feed = sourceOf(connection).read(connection, now, now.plus(horizon));
        } catch (SourceDisconnectedException e) {
            markDisconnected(connection, e.getMessage());
            throw e;
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

    /** @return false when the connection no longer exists or is disconnected (its job should stop) */
    public boolean syncOnSchedule(String connectionId) {
        try {
            sync(connectionId);
        } catch (ConnectionNotFoundException e) {
            log.info("Calendar connection {} is gone; its sync job stops", connectionId);
            return false;
        } catch (SourceDisconnectedException e) {
            log.info("Calendar connection {} is disconnected ({}); its sync job stops", connectionId, e.getMessage());
            return false;
        } catch (FeedException e) {
            // Already recorded and logged; the next scheduled run tries again.
        }
        return true;
    }

    /**
     * The source withdrew access: the connection is marked disconnected with the reason, its sync job stops and its
     * upcoming meetings are cancelled (MeetingDiscovered CANCELLED, prep jobs cancelled).
     */
    public void markDisconnected(CalendarConnection connection, String reason) {
        int cancelled = transaction.execute(status -> {
            Instant now = clock.instant();
            connections.lock(connection.id()).orElseThrow(() -> new ConnectionNotFoundException(connection.id()));
            connections.markDisconnected(connection.id(), now, reason);
            jobs.cancel(TASK, connection.id());
            return cancelUpcoming(connection, now);
        });
        log.warn("Calendar connection {} (user {}) disconnected: {}; {} upcoming meetings cancelled", connection.id(),
                connection.userId(), reason, cancelled);
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
        MeetingClassifier classifier = rules.classifierFor(connection.userId());
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
