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
 */
public record CalendarEvent(String uid, String recurrenceId, String title, String description, String location,
                            Instant start, Instant end, Participant organizer, List<Participant> attendees,
                            ConferenceLink conference, boolean cancelled) {

    public CalendarEvent {
        attendees = List.copyOf(attendees);
    }

    /** Id of the occurrence in the source calendar, in the style Google uses for recurring instances. */
    public String externalEventId() {
        return recurrenceId == null ? uid : uid + "_" + recurrenceId;
    }

    public boolean recurring() {
        return recurrenceId != null;
    }

    public CalendarEvent asCancelled() {
        return new CalendarEvent(uid, recurrenceId, title, description, location, start, end, organizer, attendees,
                conference, true);
    }
}
