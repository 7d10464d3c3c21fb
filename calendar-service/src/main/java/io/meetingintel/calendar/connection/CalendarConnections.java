package io.meetingintel.calendar.connection;

import io.meetingintel.calendar.CalendarProperties;
import io.meetingintel.calendar.feed.FeedException;
import io.meetingintel.calendar.feed.FeedLocation;
import io.meetingintel.calendar.sync.CalendarSync;
import io.meetingintel.calendar.sync.SyncResult;
import io.meetingintel.calendar.sync.SyncSpread;
import io.meetingintel.calendar.sync.SyncedMeetingRepository;
import io.meetingintel.platform.scheduling.PersistentJobs;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
    private final SyncSpread spread;
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
        this.spread = new SyncSpread(properties.sync().interval());
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
        return connectNew(userId, name, CalendarConnection.SOURCE_ICS, url, connectionId -> {
        });
    }

    /**
     * Connects a calendar of a source with its own state (Google), or reconnects the user's existing connection of
     * the same calendar, and syncs it once.
     *
     * @param storeSourceState stores the source's state (tokens...) for the connection id, in the same transaction
     */
    public Connected connectOrReconnect(String userId, String name, String source, String url,
                                        Consumer<String> storeSourceState) {
        Optional<CalendarConnection> existing = connections.findByUrl(userId, url);
        if (existing.isEmpty()) {
            return connectNew(userId, name, source, url, storeSourceState);
        }
        String connectionId = existing.get().id();
        transaction.executeWithoutResult(status -> {
            connections.lock(connectionId);
            connections.markConnected(connectionId);
            storeSourceState.accept(connectionId);
            jobs.scheduleOrMove(CalendarSync.TASK, connectionId, spread.nextAfter(clock.instant()));
        });
        log.info("User {} reconnected calendar {} ({})", userId, connectionId, url);
        firstSync(connectionId);
        return new Connected(connections.find(connectionId).orElseThrow(), false);
    }

    private Connected connectNew(String userId, String name, String source, String url,
                                 Consumer<String> storeSourceState) {
        Instant now = clock.instant();
        CalendarConnection connection = new CalendarConnection(newId(), userId, name.strip(), source, url, now, null,
                null, null, SyncCounts.NONE, CalendarConnection.CONNECTED, null);
        try {
            transaction.executeWithoutResult(status -> {
                connections.insert(connection);
                storeSourceState.accept(connection.id());
                jobs.scheduleOrMove(CalendarSync.TASK, connection.id(), spread.nextAfter(now));
            });
        } catch (DuplicateKeyException e) {
            return new Connected(connections.findByUrl(userId, url).orElseThrow(), false);
        }
        log.info("User {} connected {} calendar {} '{}' ({})", userId, source, connection.id(), connection.name(), url);
        firstSync(connection.id());
        return new Connected(connections.find(connection.id()).orElseThrow(), true);
    }

    private void firstSync(String connectionId) {
        try {
            sync.sync(connectionId);
        } catch (FeedException | SourceDisconnectedException e) {
            // Recorded in the connection's status; the scheduled sync tries again (or the user reconnects).
        }
    }

    public List<CalendarConnection> page(String userId, long offset, int limit) {
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

    /**
     * Removes the connection: the source releases what it holds (Google: the token is revoked), its upcoming
     * meetings are cancelled (events and prep jobs), its sync job stops, its stored state is deleted.
     */
    public void disconnect(String userId, String connectionId) {
        CalendarConnection owned = get(userId, connectionId);
        sync.sourceOf(owned).release(owned);
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
