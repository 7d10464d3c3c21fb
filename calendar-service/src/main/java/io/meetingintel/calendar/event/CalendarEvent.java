package io.meetingintel.calendar.event;

import java.time.Instant;
import java.util.List;

/**
 * One normalized calendar occurrence: a single event, or one occurrence of a recurring event (then
 * {@code recurrenceId} names the occurrence's original start, e.g. {@code 20250102T090000Z}).
 *
 * @param conference the online meeting link, or null when the event has none
 * @param organizer  null when the event names no organizer
 * @param cancelled  the calendar marks this event or occurrence as cancelled
 * @param sourceIds  the source's own ids of the occurrence (Google), null when derived from uid (ICS)
 */
public record CalendarEvent(String uid, String recurrenceId, String title, String description, String location,
                            Instant start, Instant end, Participant organizer, List<Participant> attendees,
                            ConferenceLink conference, boolean cancelled, SourceIds sourceIds) {

    /** The ids a source with its own event ids gives an occurrence (Google: id and recurringEventId). */
    public record SourceIds(String eventId, String recurringEventId) {
    }

    public CalendarEvent {
        attendees = List.copyOf(attendees);
    }

    /** An occurrence of an iCalendar feed, identified by UID and RECURRENCE-ID only. */
    public CalendarEvent(String uid, String recurrenceId, String title, String description, String location,
                         Instant start, Instant end, Participant organizer, List<Participant> attendees,
                         ConferenceLink conference, boolean cancelled) {
        this(uid, recurrenceId, title, description, location, start, end, organizer, attendees, conference, cancelled,
                null);
    }

    /** Id of the occurrence in the source calendar (for ICS in the style Google uses for recurring instances). */
    public String externalEventId() {
        if (sourceIds != null) {
            return sourceIds.eventId();
        }
        return recurrenceId == null ? uid : uid + "_" + recurrenceId;
    }

    /** Id of the recurring event this occurrence belongs to, null for a single event. */
    public String recurringEventId() {
        if (sourceIds != null) {
            return sourceIds.recurringEventId();
        }
        return recurring() ? uid : null;
    }

    public boolean recurring() {
        return recurrenceId != null;
    }

    public CalendarEvent asCancelled() {
        return new CalendarEvent(uid, recurrenceId, title, description, location, start, end, organizer, attendees,
                conference, true, sourceIds);
    }
}
