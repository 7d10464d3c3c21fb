package io.meetingintel.meeting.api;

import io.meetingintel.meeting.domain.Meeting;
import io.meetingintel.meeting.domain.Participant;

import java.time.Instant;
import java.util.List;

/** A meeting's own fields, as listed and as the first part of the full view. */
public record MeetingResponse(
        String id,
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
        Instant prepTriggerAt,
        long version,
        String status,
        String prepStatus) {

    static MeetingResponse of(Meeting meeting) {
        var details = meeting.details();
        return new MeetingResponse(details.id(), details.title(), details.description(), details.location(),
                details.startTime(), details.endTime(), details.organizer(), details.attendees(),
                details.conferenceUrl(), details.conferencePlatform(), details.meetingType(),
                details.prepHoursBefore(), details.prepTriggerAt(), details.version(), meeting.status().code(),
                meeting.prepStatus().code());
    }
}
