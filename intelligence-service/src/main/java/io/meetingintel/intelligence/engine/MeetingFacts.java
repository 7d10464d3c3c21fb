package io.meetingintel.intelligence.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What is known about a meeting besides its transcript. {@code date} anchors relative due dates ("by Friday",
 * "next week"); it is the scheduled start when known, else the recording start (UTC).
 */
public record MeetingFacts(String meetingId, String title, String meetingType, String description,
                           List<Person> attendees, Instant start, LocalDate date) {

    public MeetingFacts {
        attendees = List.copyOf(attendees);
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    public String titleOrDefault() {
        return title == null || title.isBlank() ? "Meeting " + meetingId : title;
    }

    /** An attendee: display name when the calendar has one, otherwise the e-mail address. */
    public record Person(String name, String email, boolean organizer) {

        public String label() {
            return name == null || name.isBlank() ? email : name;
        }
    }
}
