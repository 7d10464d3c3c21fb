package io.meetingintel.meeting.domain;

import java.time.Instant;
import java.util.List;

/** What the calendar says about a meeting at one version (everything but the states this service tracks). */
public record MeetingDetails(
        String id,
        String userId,
        long version,
        String title,
        String description,
        String location,
        Instant startTime,
        Instant endTime,
        Participant organizer,
        List<Participant> attendees,
        String conferenceUrl,
        String conferencePlatform,
        String meetingType,
        int prepHoursBefore,
        Instant prepTriggerAt) {

    public MeetingDetails {
        attendees = List.copyOf(attendees);
    }
}
