package io.meetingintel.calendar.connection;

import io.meetingintel.calendar.CalendarProperties;
import io.meetingintel.calendar.feed.FeedException;
import io.meetingintel.calendar.feed.FeedLocation;
import io.meetingintel.calendar.scheduling.PersistentJobs;
import io.meetingintel.calendar.sync.CalendarSync;
import io.meetingintel.calendar.sync.SyncResult;
import io.meetingintel.calendar.sync.SyncedMeetingRepository;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A user's calendar connections: connect (with a first sync), inspect, sync now, disconnect. */
@Service
public class CalendarConnections {

    private static final Logger log = LoggerFactory.getLogger(CalendarConnections.class);
    private static final SecureRandom ID_RANDOM = new SecureRandom();

    private final CalendarConnectionRepository connections;
    private final SyncedMeetingRepository meetings;
    private final CalendarSync sync;
    private final PersistentJobs jobs;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration interval;
    private final boolean localFeedsEnabled;

    public CalendarConnections(CalendarConnectionRepository connections, SyncedMeetingRepository meetings,
                               CalendarSync sync, PersistentJobs jobs, TransactionTemplate transaction, Clock clock,
                               CalendarProperties properties) {
        this.connections = connections;
        this.meetings = meetings;
        this.sync = sync;
        this.jobs = jobs;
        this.transaction = transaction;
        this.clock = clock;
        this.interval = properties.sync().interval();
        this.localFeedsEnabled = properties.localFeedsEnabled();
    }

    /** The connection and whether this call created it (false: the user already had one for this feed). */
    public record Connected(CalendarConnection connection, boolean created) {
    }

    /**
     * Connects an ICS feed and syncs it once; connecting the same feed again returns the existing connection.
     * A feed that cannot be read still connects: the error is in its status and the schedule retries.
     *
     * @throws io.meetingintel.calendar.feed.InvalidFeedLocationException when the feed location is not acceptable
     */
    public Connected connect(String userId, String name, String icsUrl) {
        String url = FeedLocation.validate(icsUrl, localFeedsEnabled);
        Optional<CalendarConnection> existing = connections.findByUrl(userId, url);
        if (existing.isPresent()) {
            return new Connected(existing.get(), false);
        }
        Instant now = clock.instant();
        CalendarConnection connection = new CalendarConnection(newId(), userId, name.strip(),
                CalendarConnection.SOURCE_ICS, url, now, null, null, null, SyncCounts.NONE);
        try {
            transaction.executeWithoutResult(status -> {
                connections.insert(connection);
                jobs.scheduleAt(CalendarSync.TASK, connection.id(), now.plus(interval));
            });
        } catch (DuplicateKeyException e) {
            return new Connected(connections.findByUrl(userId, url).orElseThrow(), false);
        }
        log.info("User {} connected calendar {} '{}' ({})", userId, connection.id(), connection.name(), url);
        try {
            sync.sync(connection.id());
        } catch (FeedException e) {
            // Recorded in the connection's status; the scheduled sync tries again.
        }
        return new Connected(connections.find(connection.id()).orElseThrow(), true);
    }

    public List<CalendarConnection> page(String userId, int offset, int limit) {
        return connections.findPage(userId, offset, limit);
    }

    public long count(String userId) {
        return connections.count(userId);
    }

    public CalendarConnection get(String userId, String connectionId) {
        return connections.findOwned(userId, connectionId)
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
    }

    public Optional<Instant> nextSync(String connectionId) {
        return jobs.nextRun(CalendarSync.TASK, connectionId);
    }

    public long activeMeetings(String connectionId) {
        return meetings.countActive(connectionId, clock.instant());
    }

    /** @throws FeedException when the feed cannot be read */
    public SyncResult syncNow(String userId, String connectionId) {
        get(userId, connectionId);
        return sync.sync(connectionId);
    }

    /** Removes the connection: its upcoming meetings are cancelled (events and prep jobs), its sync job stops. */
    public void disconnect(String userId, String connectionId) {
        int cancelled = transaction.execute(status -> {
            CalendarConnection connection = connections.lock(connectionId)
                    .filter(found -> found.userId().equals(userId))
                    .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
            int count = sync.cancelUpcoming(connection, clock.instant());
            jobs.cancel(CalendarSync.TASK, connectionId);
            connections.delete(connectionId);
            return count;
        });
        log.info("User {} disconnected calendar {}: {} upcoming meetings cancelled", userId, connectionId, cancelled);
    }

    private static String newId() {
        byte[] random = new byte[10];
        ID_RANDOM.nextBytes(random);
        return "cal_" + HexFormat.of().formatHex(random);
    }
}
