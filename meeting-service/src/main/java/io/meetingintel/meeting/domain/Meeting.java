package io.meetingintel.meeting.domain;

/** A stored meeting: the calendar's details plus its lifecycle and prep states. */
public record Meeting(MeetingDetails details, MeetingStatus status, PrepStatus prepStatus) {

    public String id() {
        return details.id();
    }
}
