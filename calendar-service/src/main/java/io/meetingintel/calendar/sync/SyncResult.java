package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.connection.SyncCounts;

import java.time.Instant;

/** Outcome of one successful sync of a connection. */
public record SyncResult(String connectionId, SyncCounts counts, Instant syncedAt) {
}
