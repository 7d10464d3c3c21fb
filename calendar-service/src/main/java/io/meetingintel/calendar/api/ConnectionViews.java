package io.meetingintel.calendar.api;

import io.meetingintel.calendar.connection.CalendarConnection;
import io.meetingintel.calendar.connection.SyncCounts;
import io.meetingintel.calendar.sync.SyncResult;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** JSON shapes of the connection endpoints. */
final class ConnectionViews {

    private ConnectionViews() {
    }

    record CreateConnectionRequest(@NotBlank(message = "name is required") @Size(max = 200) String name,
                                   @NotBlank(message = "icsUrl is required") @Size(max = 2000) String icsUrl) {
    }

    /** @param icsUrl the feed of an ICS connection, null for Google; @param googleCalendarId the reverse */
    record ConnectionView(String id, String name, String source, String icsUrl, String googleCalendarId,
                          Instant createdAt, Status status) {

        private static final String GOOGLE_PREFIX = "google:";

        static ConnectionView of(CalendarConnection connection, Instant nextSyncAt, long activeMeetings) {
            boolean google = CalendarConnection.SOURCE_GOOGLE.equals(connection.source());
            return new ConnectionView(connection.id(), connection.name(), connection.source(),
                    google ? null : connection.url(),
                    google ? connection.url().substring(GOOGLE_PREFIX.length()) : null, connection.createdAt(),
                    new Status(connection.status(), connection.disconnectedReason(), connection.lastSyncAt(),
                            connection.lastSuccessAt(), connection.lastError(), nextSyncAt, connection.lastCounts(),
                            activeMeetings));
        }
    }

    /**
     * @param state          CONNECTED, or DISCONNECTED (the source withdrew access, see disconnectedReason)
     * @param lastSync       counts of the last successful sync
     * @param activeMeetings synced meetings of the connection that are not cancelled and not over
     */
    record Status(String state, String disconnectedReason, Instant lastSyncAt, Instant lastSuccessAt, String lastError, Instant nextSyncAt, SyncCounts lastSync,
                  long activeMeetings) {
    }

    record SyncResultView(String connectionId, Instant syncedAt, int created, int updated, int cancelled,
                          int unchanged) {

        static SyncResultView of(SyncResult result) {
            SyncCounts counts = result.counts();
            return new SyncResultView(result.connectionId(), result.syncedAt(), counts.created(), counts.updated(),
                    counts.cancelled(), counts.unchanged());
        }
    }
}
