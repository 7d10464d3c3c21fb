package io.meetingintel.calendar.connection;

import java.time.Instant;

/**
 * A user's calendar source and the outcome of its last sync.
 *
 * @param lastSyncAt    when the last sync attempt finished, null before the first
 * @param lastSuccessAt when the last successful sync finished
 * @param lastError     why the last attempt failed, null when it succeeded
 */
public record CalendarConnection(String id, String userId, String name, String source, String url, Instant createdAt,
                                 Instant lastSyncAt, Instant lastSuccessAt, String lastError, SyncCounts lastCounts) {

    public static final String SOURCE_ICS = "ICS";
}
