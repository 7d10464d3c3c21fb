package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.connection.CalendarConnection;
import io.meetingintel.calendar.event.CalendarEvent;

import java.time.Instant;
import java.util.List;

/** Reads the occurrences of one kind of calendar source (ICS feed, Google Calendar) for the shared sync. */
public interface SourceAdapter {

    /** The {@link CalendarConnection#source()} this adapter reads. */
    String source();

    /**
     * Every occurrence (cancelled ones included) overlapping [from, to) as the source shows it now.
     *
     * @throws io.meetingintel.calendar.feed.FeedException when the source cannot be read now (the sync is retried)
     * @throws io.meetingintel.calendar.connection.SourceDisconnectedException when the source withdrew access
     */
    List<CalendarEvent> read(CalendarConnection connection, Instant from, Instant to);

    /** Releases what the source holds for a connection the user removes (e.g. revokes access); best effort. */
    default void release(CalendarConnection connection) {
    }
}
