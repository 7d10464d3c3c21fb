package io.meetingintel.calendar.connection;

import java.time.Instant;

/**
 * A user's calendar source and the outcome of its last sync.
 *
 * @param lastSyncAt    when the last sync attempt finished, null before the first
 * @param lastSuccessAt when the last successful sync finished
 * @param lastError     why the last attempt failed, null when it succeeded
 * @param url           the ICS feed, or {@code google:<calendar id>} for a Google calendar
 * @param status        CONNECTED, or DISCONNECTED when the source withdrew access ({@code disconnectedReason} says why)
 */
public record CalendarConnection(String id, String userId, String name, String source, String url, Instant createdAt,
                                 Instant lastSyncAt, Instant lastSuccessAt, String lastError, SyncCounts lastCounts,
                                 String status, String disconnectedReason) {

    public static final String SOURCE_ICS = "ICS";
    public static final String SOURCE_GOOGLE = "GOOGLE";
    public static final String CONNECTED = "CONNECTED";
    public static final String DISCONNECTED = "DISCONNECTED";

    public boolean disconnected() {
        return DISCONNECTED.equals(status);
    }
}
