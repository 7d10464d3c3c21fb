package io.meetingintel.calendar.api;

import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.event.Participant;
import io.meetingintel.calendar.sync.SyncedMeeting;

import java.time.Instant;
import java.util.List;

/** A synced meeting as the REST API shows it (the same facts as its last MeetingDiscovered). */
record MeetingView(String meetingId, String connectionId, String externalEventId, String title, String description,
                   String location, Instant startTime, Instant endTime, String conferenceUrl,
                   String conferencePlatform, String meetingType, int prepHoursBefore, Instant prepTriggerAt,
                   Participant organizer, List<Participant> attendees, boolean cancelled, long version) {

    static MeetingView of(SyncedMeeting meeting) {
        CalendarEvent event = meeting.event();
        return new MeetingView(meeting.meetingId(), meeting.connectionId(), event.externalEventId(), event.title(),
                event.description(), event.location(), event.start(), event.end(),
                event.conference() == null ? null : event.conference().url(),
                event.conference() == null ? "NONE" : event.conference().platform().name(),
                meeting.classification().meetingType(), meeting.classification().prepHoursBefore(),
                meeting.prepTriggerAt(), event.organizer(), event.attendees(), event.cancelled(), meeting.version());
    }
}
