package io.meetingintel.calendar.event;

/** An attendee or the organizer of a calendar event, with their reply (iCalendar PARTSTAT). */
public record Participant(String email, String displayName, Response response, boolean organizer) {

    public enum Response { UNKNOWN, NEEDS_ACTION, ACCEPTED, DECLINED, TENTATIVE }
}
