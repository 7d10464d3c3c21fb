package io.meetingintel.meeting.domain;

/** An attendee or the organizer of a meeting; response is the calendar's answer (accepted, declined...). */
public record Participant(String email, String displayName, String response, boolean organizer) {
}
